package jp.govcloudops.web.user;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The console's users, in the schema {@code <store schema>_AUTH} beside the store's own (migration 80), on which the
 * query reader is granted nothing: it must never read password hashes. Named after the store's schema so that
 * several stores in one PostgreSQL database keep their users apart.
 */
@Repository
public class ConsoleUserStore {

    private static final String COLUMNS = "username, password_hash, role, failed_logins, locked_until, created_at";

    private static final RowMapper<ConsoleUser> ROW = (rs, i) -> new ConsoleUser(rs.getString(1), rs.getString(2),
            ConsoleRole.valueOf(rs.getString(3)), rs.getInt(4), rs.getObject(5, LocalDateTime.class),
            rs.getObject(6, LocalDateTime.class));

    private final JdbcTemplate jdbc;

    private volatile String table;

    public ConsoleUserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The users' table, in the schema migration 80 named after the connection's (Flyway's default) schema. */
    private String table() {
        String name = table;
        if (name == null) {
            name = jdbc.execute((ConnectionCallback<String>) Connection::getSchema) + "_auth.console_user";
            table = name;
        }
        return name;
    }

    public Optional<ConsoleUser> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM " + table() + " WHERE username = ?", ROW, username)
                .stream().findFirst();
    }

    public List<ConsoleUser> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM " + table() + " ORDER BY username", ROW);
    }

    public int count() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table(), Integer.class);
        return n == null ? 0 : n;
    }

    /** Adds a user; false when the name is taken. */
    public boolean insert(String username, String passwordHash, ConsoleRole role, LocalDateTime now) {
        if (find(username).isPresent()) {
            return false;
        }
        jdbc.update("INSERT INTO " + table() + " (username, password_hash, role, failed_logins, created_at,"
                + " password_changed_at) VALUES (?, ?, ?, 0, ?, ?)", username, passwordHash, role.name(), now, now);
        return true;
    }

    /** Sets a new password (and role, when given), which also unlocks the user; false when there is no such user. */
    public boolean update(String username, String passwordHash, ConsoleRole role, LocalDateTime now) {
        return jdbc.update("UPDATE " + table() + " SET password_hash = ?, role = COALESCE(?, role),"
                + " failed_logins = 0, locked_until = NULL, password_changed_at = ? WHERE username = ?",
                passwordHash, role == null ? null : role.name(), now, username) == 1;
    }

    /**
     * Counts a wrong password; the {@code maxFailures}-th in a row locks the user until {@code lockUntil}.
     * Returns true when this failure locked the user.
     */
    public boolean recordFailure(String username, int maxFailures, LocalDateTime lockUntil) {
        jdbc.update("UPDATE " + table() + " SET failed_logins = failed_logins + 1 WHERE username = ?",
                username);
        return jdbc.update("UPDATE " + table() + " SET locked_until = ?, failed_logins = 0"
                + " WHERE username = ? AND failed_logins >= ?", lockUntil, username, maxFailures) == 1;
    }

    public void recordSuccess(String username) {
        jdbc.update("UPDATE " + table() + " SET failed_logins = 0 WHERE username = ? AND failed_logins <> 0",
                username);
    }
}
