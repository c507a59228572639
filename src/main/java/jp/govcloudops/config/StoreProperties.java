package jp.govcloudops.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The identity {@code query} reads the store with (docs/configuration.md, "Store and logs"). The store's own
 * identity, which the jobs write with, is Spring Boot's {@code spring.datasource.*}.
 *
 * @param reader the query reader
 */
@Validated
@ConfigurationProperties("govcloud.store")
public record StoreProperties(@Valid @DefaultValue Reader reader) {

    /** The H2 user that {@code query} connects as, unless {@code govcloud.store.reader.username} names another. */
    public static final String H2_READER = "GOVCLOUD_READER";

    /**
     * @param url      PostgreSQL: the reader's JDBC URL; unset, {@code query} uses the store's URL and identity (and
     *                 refuses a superuser). H2 always uses the store's URL.
     * @param username the reader's user name (H2 default GOVCLOUD_READER; PostgreSQL: the URL's if unset)
     * @param password the reader's password (H2 default: from the store's credentials file)
     */
    public record Reader(
            @Pattern(regexp = "jdbc:postgresql:.*", message = "must be a jdbc:postgresql: URL (H2 stores are read"
                    + " through the store's own URL)") String url,
            String username,
            String password) {

        public String h2Username() {
            return username == null || username.isBlank() ? H2_READER : username;
        }

        @Override
        public String toString() {
            return "Reader[url=" + url + ", username=" + username + ", password=" + (password == null ? null : "*")
                    + "]";
        }
    }
}
