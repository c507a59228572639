package jp.govcloudops.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

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

    public static String of(String kind, Path dir) {
        return kind.equals("postgres") ? postgres() : h2(dir);
    }
}
