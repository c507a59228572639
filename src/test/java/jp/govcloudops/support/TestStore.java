package jp.govcloudops.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import jp.govcloudops.store.H2FileStore;
import jp.govcloudops.store.StoreCredentials;

/**
 * A fresh store for one test: an H2 file database in a temporary directory, or a new schema in the PostgreSQL
 * server of the development and CI machines (127.0.0.1:5432, database test, trust authentication). PostgreSQL
 * tests run whenever the server is reachable; under CI=true an unreachable server fails them.
 */
public final class TestStore {

    public static final String POSTGRES_BASE = System.getProperty("govcloud.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private static final java.util.List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        // Schemas made by this test JVM are dropped when it ends, so the shared database does not fill up.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(POSTGRES_BASE); Statement st = c.createStatement()) {
                for (String schema : CREATED) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            } catch (SQLException e) {
                // the server is gone; nothing to clean
            }
        }));
    }

    private TestStore() {
    }

    public static String h2(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    public static String postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(POSTGRES_BASE); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            CREATED.add(schema);
        } catch (SQLException e) {
            if (Ci.isCi()) {
                throw new AssertionError("PostgreSQL is not reachable at " + POSTGRES_BASE + " (CI=true)", e);
            }
            assumeTrue(false, "PostgreSQL not reachable: " + e.getMessage());
        }
        return POSTGRES_BASE + "&currentSchema=" + schema;
    }

    /**
     * Opens a store as its administrator, as the jobs do: an H2 file store with the password govcloud-ops keeps in its
     * credentials file (so the store must have been opened by govcloud-ops first), PostgreSQL as its URL says.
     */
    public static Connection connect(String url) throws SQLException {
        if (!url.startsWith("jdbc:h2:")) {
            return DriverManager.getConnection(url);
        }
        H2FileStore store = H2FileStore.of(url).orElseThrow(() -> new IllegalArgumentException("not a file store: " + url));
        try {
            return DriverManager.getConnection(url, "sa", StoreCredentials.read(store.credentialsFile()).admin());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String of(String kind, Path dir) {
        return kind.equals("postgres") ? postgres() : h2(dir);
    }
}
