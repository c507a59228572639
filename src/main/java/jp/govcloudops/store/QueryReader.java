package jp.govcloudops.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

import javax.sql.DataSource;

import jp.govcloudops.config.StoreProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Connections for {@code query}, as an identity that can only read the store:
 * <ul>
 * <li>H2: the user {@code GOVCLOUD_READER} (V35), not an administrator, with SELECT on the store's schema, which
 * takes in the views the repeatable migrations re-create. H2 refuses its file functions, {@code CREATE ALIAS},
 * {@code LINK_SCHEMA}, {@code RUNSCRIPT}, {@code BACKUP}, {@code SHUTDOWN} and database settings to such a user.</li>
 * <li>PostgreSQL: the role of {@code govcloud.store.reader.*}, else the store's own; refused when it is a superuser or
 * may read or write the server's files or run its programs, unless the operator allows it.</li>
 * </ul>
 */
@Component
public class QueryReader {

    private static final String[] SERVER_ACCESS_ROLES = {"pg_read_server_files", "pg_write_server_files",
        "pg_execute_server_program"};

    private final DataSource store;
    private final String url;
    private final StoreProperties.Reader reader;
    private final H2StoreSetup h2;

    public QueryReader(DataSource store, DataSourceProperties storeSettings, StoreProperties properties, H2StoreSetup h2) {
        this.store = store;
        this.url = storeSettings.getUrl();
        this.reader = properties.reader();
        this.h2 = h2;
    }

    public boolean isH2() {
        return url != null && url.startsWith("jdbc:h2:");
    }

    /**
     * Opens a connection as the reader.
     *
     * @param allowSuperuser PostgreSQL: connect even if the role is a superuser or may reach the server's files
     * @throws IllegalStateException when the PostgreSQL role is privileged and {@code allowSuperuser} is false
     */
    public Connection open(boolean allowSuperuser) throws SQLException {
        return isH2() ? openH2() : openPostgres(allowSuperuser);
    }

    private Connection openH2() throws SQLException {
        try {
            return DriverManager.getConnection(url, reader.h2Username(), h2.readerPassword());
        } catch (SQLException e) {
            if (!StoreCredentials.isWrongPassword(e)) {
                throw e;
            }
        }
        // The reader is missing (a store restored from a dump, another reader name configured) or has another
        // password (a credentials file made anew): the store's administrator sets it up again.
        try (Connection admin = store.getConnection()) {
            ensureH2Reader(admin, reader.h2Username(), h2.readerPassword());
        }
        return DriverManager.getConnection(url, reader.h2Username(), h2.readerPassword());
    }

    /** Creates or updates the H2 reader: its password and SELECT on the current schema, never administration. */
    static void ensureH2Reader(Connection admin, String user, String password) throws SQLException {
        String name = StoreCredentials.quoted(user);
        try (PreparedStatement isAdmin = admin.prepareStatement(
                "SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = ?")) {
            isAdmin.setString(1, user.toUpperCase(Locale.ROOT));
            try (ResultSet rs = isAdmin.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    throw new IllegalStateException("govcloud.store.reader.username names " + user
                            + ", an administrator of the store: it must be a user that can only read");
                }
            }
        }
        // One after the other: H2 resolves the user when a statement is prepared.
        try (PreparedStatement create = admin.prepareStatement("CREATE USER IF NOT EXISTS " + name + " PASSWORD ?")) {
            create.setString(1, password);
            create.execute();
        }
        try (PreparedStatement alter = admin.prepareStatement("ALTER USER " + name + " SET PASSWORD ?")) {
            alter.setString(1, password);
            alter.execute();
        }
        try (Statement grant = admin.createStatement()) {
            grant.execute("GRANT SELECT ON SCHEMA \"" + admin.getSchema().replace("\"", "\"\"") + "\" TO " + name);
        }
    }

    private Connection openPostgres(boolean allowSuperuser) throws SQLException {
        Connection connection;
        if (reader.url() != null) {
            Properties identity = new Properties();
            if (reader.username() != null && !reader.username().isBlank()) {
                identity.setProperty("user", reader.username());
            }
            if (reader.password() != null && !reader.password().isEmpty()) {
                identity.setProperty("password", reader.password());
            }
            connection = DriverManager.getConnection(reader.url(), identity);
        } else {
            connection = store.getConnection();
        }
        try {
            String privilege = privilege(connection);
            if (privilege != null && !allowSuperuser) {
                throw new IllegalStateException("the role " + privilege + "; configure a read-only role"
                        + " (govcloud.store.reader.*, docs/operations.md) or give --allow-superuser");
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** What makes the connection's role more than a reader, or null. */
    private static String privilege(Connection connection) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT current_user, r.rolsuper");
        for (String role : SERVER_ACCESS_ROLES) {
            sql.append(", pg_has_role(current_user, '").append(role).append("', 'MEMBER')");
        }
        sql.append(" FROM pg_roles r WHERE r.rolname = current_user");
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            if (!rs.next()) {
                return null;
            }
            String role = rs.getString(1);
            if (rs.getBoolean(2)) {
                return role + " is a superuser";
            }
            for (int i = 0; i < SERVER_ACCESS_ROLES.length; i++) {
                if (rs.getBoolean(3 + i)) {
                    return role + " is a member of " + SERVER_ACCESS_ROLES[i];
                }
            }
            return null;
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
    }
}
