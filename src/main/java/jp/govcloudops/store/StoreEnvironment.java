package jp.govcloudops.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jp.govcloudops.config.FileModes;
import jp.govcloudops.config.FileProperties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares an H2 store before anything connects to it, and publishes the result as the highest-priority settings:
 * the URL with its defaults ({@link H2UrlDefaults}), the store's directory created with the configured directory
 * mode, and the passwords of the administrator and the query reader ({@link StoreCredentials}) wherever
 * configuration does not give them. H2's automatic server is bound to the loopback address. PostgreSQL stores are
 * left as configured.
 */
public class StoreEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String BIND_ADDRESS = "h2.bindAddress";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return;
        }
        // AUTO_SERVER's TCP server listens on every interface unless h2.bindAddress names one. H2 reads the property
        // once, when its first class loads, which is after this point; -Dh2.bindAddress=... still overrides.
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
        String full = H2UrlDefaults.withDefaults(url);
        Map<String, Object> resolved = new HashMap<>();
        resolved.put("spring.datasource.url", full);
        String configuredAdmin = given(environment.getProperty("spring.datasource.password"));
        String configuredReader = given(environment.getProperty("govcloud.store.reader.password"));
        Optional<H2FileStore> store = H2FileStore.of(full);
        if (store.isPresent()) {
            try {
                fileModes(environment).createDirectories(store.get().directory());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the store's directory " + store.get().directory(), e);
            }
            StoreCredentials.Passwords passwords = StoreCredentials.of(store.get(), full,
                    environment.getProperty("spring.datasource.username", "sa"), configuredAdmin);
            if (configuredAdmin == null) {
                resolved.put("spring.datasource.password", passwords.admin());
            }
            if (configuredReader == null) {
                resolved.put("govcloud.store.reader.password", passwords.reader());
            }
        } else if (configuredReader == null) {
            // An in-memory or remote H2 store has no file to keep it in: the reader gets a password for this run,
            // which QueryReader sets on the store when it differs.
            resolved.put("govcloud.store.reader.password", StoreCredentials.randomPassword());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("govcloudStore", resolved));
    }

    private static FileModes fileModes(ConfigurableEnvironment environment) {
        FileProperties files = Binder.get(environment).bind("govcloud.files", FileProperties.class)
                .orElseGet(() -> new FileProperties("0600", "0700"));
        return new FileModes(files);
    }

    private static String given(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
