package jp.govcloudops.web.user;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The console's users (console_auth.console_user), apart from the schema the query reader may read. */
@Repository
public class ConsoleUserStore {

    private static final String COLUMNS = "username, password_hash, role, failed_logins, locked_until, created_at";

    private static final RowMapper<ConsoleUser> ROW = (rs, i) -> new ConsoleUser(rs.getString(1), rs.getString(2),
            ConsoleRole.valueOf(rs.getString(3)), rs.getInt(4), rs.getObject(5, LocalDateTime.class),
            rs.getObject(6, LocalDateTime.class));

    private final JdbcTemplate jdbc;

    public ConsoleUserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ConsoleUser> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM console_auth.console_user WHERE username = ?", ROW, username)
                .stream().findFirst();
    }

    public List<ConsoleUser> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM console_auth.console_user ORDER BY username", ROW);
    }

    public int count() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM console_auth.console_user", Integer.class);
        return n == null ? 0 : n;
    }

    /** Adds a user; false when the name is taken. */
    public boolean insert(String username, String passwordHash, ConsoleRole role, LocalDateTime now) {
        if (find(username).isPresent()) {
            return false;
        }
        jdbc.update("INSERT INTO console_auth.console_user (username, password_hash, role, failed_logins, created_at,"
                + " password_changed_at) VALUES (?, ?, ?, 0, ?, ?)", username, passwordHash, role.name(), now, now);
        return true;
    }

    /** Sets a new password (and role, when given), which also unlocks the user; false when there is no such user. */
    public boolean update(String username, String passwordHash, ConsoleRole role, LocalDateTime now) {
        return jdbc.update("UPDATE console_auth.console_user SET password_hash = ?, role = COALESCE(?, role),"
                + " failed_logins = 0, locked_until = NULL, password_changed_at = ? WHERE username = ?",
                passwordHash, role == null ? null : role.name(), now, username) == 1;
    }

    /**
     * Counts a wrong password; the {@code maxFailures}-th in a row locks the user until {@code lockUntil}.
     * Returns true when this failure locked the user.
     */
    public boolean recordFailure(String username, int maxFailures, LocalDateTime lockUntil) {
        jdbc.update("UPDATE console_auth.console_user SET failed_logins = failed_logins + 1 WHERE username = ?",
                username);
        return jdbc.update("UPDATE console_auth.console_user SET locked_until = ?, failed_logins = 0"
                + " WHERE username = ? AND failed_logins >= ?", lockUntil, username, maxFailures) == 1;
    }

    public void recordSuccess(String username) {
        jdbc.update("UPDATE console_auth.console_user SET failed_logins = 0 WHERE username = ? AND failed_logins <> 0",
                username);
    }
}
