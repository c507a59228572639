package jp.govcloudops.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.support.TestStore;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A store for a test: an H2 file database in a temporary directory, or a fresh schema in the PostgreSQL database
 * {@code test} on 127.0.0.1:5432 ({@link TestStore#POSTGRES_BASE}), dropped afterwards. When PostgreSQL is
 * unreachable the test is skipped, except under CI=true, where it fails.
 */
public abstract class TestDatabase implements AutoCloseable {

    public abstract List<String> properties();

    public abstract String name();

    /** Starts the application on this store with the given extra properties ({@code key=value}). */
    public ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>();
        for (String property : properties()) {
            args.add("--" + property);
        }
        for (String property : extra) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(GovcloudOpsApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args.toArray(new String[0]));
    }

    public static TestDatabase h2(Path directory) {
        return new TestDatabase() {
            @Override
            public List<String> properties() {
                return List.of("spring.datasource.url=jdbc:h2:file:" + directory.resolve("store").toAbsolutePath(),
                        "spring.datasource.username=sa", "spring.datasource.password=");
            }

            @Override
            public String name() {
                return "H2";
            }

            @Override
            public void close() {
            }
        };
    }

    public static TestDatabase postgres() {
        String url = TestStore.postgres(); // a fresh schema; skips, or fails under CI=true, when unreachable
        String schema = url.substring(url.indexOf("&currentSchema=") + "&currentSchema=".length());
        return new TestDatabase() {
            @Override
            public List<String> properties() {
                return List.of("spring.datasource.url=" + url, "spring.datasource.username=",
                        "spring.flyway.schemas=" + schema, "spring.datasource.hikari.maximum-pool-size=4");
            }

            @Override
            public String name() {
                return "PostgreSQL";
            }

            @Override
            public void close() throws SQLException {
                try (Connection c = DriverManager.getConnection(TestStore.POSTGRES_BASE);
                        Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        };
    }
}
