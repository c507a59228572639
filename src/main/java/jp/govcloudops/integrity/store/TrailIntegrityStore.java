package jp.govcloudops.integrity.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.integrity.check.HourResult;
import jp.govcloudops.integrity.check.Problem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The results of the trail integrity check (trail_integrity_hour, trail_integrity_problem). A check of a stream's
 * hours replaces what an earlier check of those hours stored, row by row, so results never pile up.
 */
@Repository
public class TrailIntegrityStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public TrailIntegrityStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Puts the results of the hours [from, to) of a stream in place of the stored ones. */
    public void replace(String source, String accountId, String region, Instant from, Instant to,
            List<HourResult> results) {
        transactions.executeWithoutResult(tx -> {
            Map<LocalDateTime, Long> existing = new HashMap<>();
            jdbc.query("SELECT id, hour_start FROM trail_integrity_hour WHERE source = ? AND account_id = ?"
                    + " AND region = ? AND hour_start >= ? AND hour_start < ?",
                    rs -> {
                        existing.put(rs.getObject(2, LocalDateTime.class), rs.getLong(1));
                    }, source, accountId, region, utc(from), utc(to));
            LocalDateTime now = UtcTime.now();
            List<Object[]> problems = new ArrayList<>();
            for (HourResult r : results) {
                LocalDateTime hour = utc(r.hour());
                Long id = existing.remove(hour);
                if (id != null) {
                    jdbc.update("UPDATE trail_integrity_hour SET status = ?, digest_key = ?, log_files = ?,"
                            + " valid_files = ?, problems = ?, checked_at = ? WHERE id = ?", r.status().name(),
                            cut(r.digestKey(), 1024), r.logFiles(), r.validFiles(), r.problems().size(), now, id);
                    jdbc.update("DELETE FROM trail_integrity_problem WHERE hour_id = ?", id);
                } else {
                    jdbc.update("INSERT INTO trail_integrity_hour (source, account_id, region, hour_start, status,"
                            + " digest_key, log_files, valid_files, problems, checked_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", source, accountId, region, hour,
                            r.status().name(), cut(r.digestKey(), 1024), r.logFiles(), r.validFiles(),
                            r.problems().size(), now);
                    id = jdbc.queryForObject("SELECT id FROM trail_integrity_hour WHERE source = ? AND account_id = ?"
                            + " AND region = ? AND hour_start = ?", Long.class, source, accountId, region, hour);
                }
                for (Problem p : r.problems()) {
                    problems.add(new Object[] {id, p.status().name(), cut(p.objectKey(), 1024), cut(p.detail(), 2000)});
                }
            }
            for (Long stale : existing.values()) {
                jdbc.update("DELETE FROM trail_integrity_hour WHERE id = ?", stale);
            }
            if (!problems.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO trail_integrity_problem (hour_id, status, object_key, detail)"
                        + " VALUES (?, ?, ?, ?)", problems);
            }
        });
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
