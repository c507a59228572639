package jp.govcloudops.web.audit;

import java.util.List;

import jp.govcloudops.calendar.UtcTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The console's audit log (console_audit). Written in the transaction of the change it describes where there is
 * one, so a change is never kept without its line.
 */
@Repository
public class AuditLog {

    /** Written as the address of changes made on the command line. */
    public static final String COMMAND_LINE = "command line";

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String username, String address, String action, String target, String detail) {
        jdbc.update("INSERT INTO console_audit (at, username, address, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
                UtcTime.now(), cut(username, 64), cut(address, 64), cut(action, 64), cut(target, 256),
                cut(detail, 2000));
    }

    /** The latest entries, newest first; {@code target} narrows to one object when given. */
    public List<AuditEntry> latest(int limit, String target) {
        return jdbc.query("SELECT id, at, username, address, action, target, detail FROM console_audit"
                + (target == null ? "" : " WHERE target = ?") + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getObject(2, java.time.LocalDateTime.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                target == null ? new Object[0] : new Object[] {target});
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
