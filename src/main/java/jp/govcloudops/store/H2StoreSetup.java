package jp.govcloudops.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import jp.govcloudops.config.FileModes;
import jp.govcloudops.config.FileProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prepares an H2 store before anything connects to it, on the store's settings as they finally are: the URL gets its
 * defaults ({@link H2UrlDefaults}), the store's directory is created with the configured directory mode, and the
 * passwords of the store's user and of the query reader come from {@link StoreCredentials} wherever configuration
 * does not give them. H2's automatic server is bound to the loopback address. PostgreSQL stores are left as they are.
 */
@Component
public class H2StoreSetup implements BeanPostProcessor, EnvironmentAware {

    static final String BIND_ADDRESS = "h2.bindAddress";

    private Environment environment;
    private volatile String readerPassword;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties && properties.getUrl() != null
                && properties.getUrl().startsWith("jdbc:h2:")) {
            prepare(properties);
        }
        return bean;
    }

    /** The reader's password: configured, else the store's credentials file's, else one for this run (null: not H2). */
    public String readerPassword() {
        return readerPassword;
    }

    private void prepare(DataSourceProperties properties) {
        // AUTO_SERVER's TCP server listens on every interface unless h2.bindAddress names one. H2 reads the property
        // once, when it first starts a server, which is after this point; -Dh2.bindAddress=... still overrides.
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
        String url = H2UrlDefaults.withDefaults(properties.getUrl());
        properties.setUrl(url);
        String configuredAdmin = given(properties.getPassword());
        String configuredReader = given(environment.getProperty("govcloud.store.reader.password"));
        Optional<H2FileStore> store = H2FileStore.of(url);
        if (store.isPresent()) {
            try {
                fileModes().createDirectories(store.get().directory());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the store's directory " + store.get().directory(), e);
            }
            String user = properties.getUsername() == null || properties.getUsername().isEmpty() ? "sa"
                    : properties.getUsername();
            StoreCredentials.Passwords passwords = StoreCredentials.of(store.get(), url, user, configuredAdmin);
            if (configuredAdmin == null) {
                properties.setPassword(passwords.admin());
            }
            readerPassword = configuredReader != null ? configuredReader : passwords.reader();
        } else {
            // An in-memory or remote H2 store has no file to keep it in: the reader gets a password for this run,
            // which QueryReader sets on the store when it differs.
            readerPassword = configuredReader != null ? configuredReader : StoreCredentials.randomPassword();
        }
    }

    private FileModes fileModes() {
        FileProperties files = Binder.get(environment).bind("govcloud.files", FileProperties.class)
                .orElseGet(() -> new FileProperties("0600", "0700"));
        return new FileModes(files);
    }

    private static String given(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
