package jp.govcloudops.detect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.calendar.ServiceHours;
import jp.govcloudops.config.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The finding table. {@link #reconcile} puts a detector's fresh derivation of a range of days in place of what it
 * derived before: same fingerprint → the row is updated and keeps its id, status and notes; no longer derived →
 * the row is deleted, unless an operator has touched it, in which case it stays, marked {@code derived = false}.
 */
@Repository
public class FindingStore {

    public record Outcome(int inserted, int updated, int withdrawn) {
        Outcome plus(Outcome o) {
            return new Outcome(inserted + o.inserted, updated + o.updated, withdrawn + o.withdrawn);
        }
    }

    /** A stored finding, as listed and mailed. */
    public record Stored(long id, String fingerprint, String ruleId, Severity severity, String titleJa,
            LocalDateTime firstEventAt, LocalDateTime lastEventAt, String accountId, String region, String principal,
            String resource, String sourceIp, String boundary, String eventNames, String summaryJa, long matchCount,
            String countermeasureJa, ServiceHours.Status serviceHours, FindingStatus status, String statusNote,
            boolean derived, LocalDate eventDay, String source, String alsoIn, String evidence) {
    }

    public record StatusChange(LocalDateTime changedAt, FindingStatus from, FindingStatus to, String note,
            String changedBy) {
    }

    private static final String COLUMNS = "id, fingerprint, rule_id, severity, title_ja, first_event_at,"
            + " last_event_at, account_id, region, principal, resource, source_ip, boundary, event_names, summary_ja,"
            + " match_count, countermeasure_ja, service_hours, status, status_note, derived, event_day, source,"
            + " also_in";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ServiceHours serviceHours;

    public FindingStore(JdbcTemplate jdbc, TransactionTemplate transactions, ServiceHours serviceHours) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.serviceHours = serviceHours;
    }

    public Outcome reconcile(String detector, Collection<String> ruleIds, DetectionWindow window,
            List<Finding> derived) {
        return transactions.execute(status -> {
            Map<String, long[]> existing = new HashMap<>();
            jdbc.query("SELECT f.id, f.fingerprint, f.status, f.rule_id,"
                    + " (SELECT COUNT(*) FROM finding_status_history h WHERE h.finding_id = f.id)"
                    + " FROM finding f WHERE f.detector = ? AND f.event_day BETWEEN ? AND ?", rs -> {
                        if (ruleIds.contains(rs.getString(4))) {
                            boolean touched = !rs.getString(3).equals(FindingStatus.NEW.name()) || rs.getLong(5) > 0;
                            existing.put(rs.getString(2), new long[] {rs.getLong(1), touched ? 1 : 0});
                        }
                    }, detector, window.from(), window.to());
            LocalDateTime now = UtcTime.now();
            int inserted = 0;
            int updated = 0;
            Set<String> seen = new HashSet<>();
            for (Finding f : derived) {
                if (!seen.add(f.fingerprint())) {
                    continue;
                }
                long[] row = existing.remove(f.fingerprint());
                if (row == null) {
                    row = findByFingerprint(f.fingerprint());
                }
                if (row != null) {
                    update(row[0], f, now);
                    updated++;
                } else {
                    insert(f, now);
                    inserted++;
                }
                applyServiceState(f.fingerprint(), f.origin(), now);
            }
            int withdrawn = 0;
            for (long[] row : existing.values()) {
                if (row[1] == 1) {
                    jdbc.update("UPDATE finding SET derived = FALSE, updated_at = ? WHERE id = ? AND derived = TRUE",
                            now, row[0]);
                } else {
                    jdbc.update("DELETE FROM finding WHERE id = ?", row[0]);
                }
                withdrawn++;
            }
            return new Outcome(inserted, updated, withdrawn);
        });
    }

    private long[] findByFingerprint(String fingerprint) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM finding WHERE fingerprint = ?", Long.class, fingerprint);
        return ids.isEmpty() ? null : new long[] {ids.get(0), 1};
    }

    private void insert(Finding f, LocalDateTime now) {
        jdbc.update("INSERT INTO finding (fingerprint, rule_id, detector, severity, severity_rank, title_ja, title_en,"
                + " event_day, first_event_at, last_event_at, account_id, region, principal, resource, source_ip,"
                + " boundary, event_names, summary_ja, evidence, match_count, countermeasure_ja, service_hours, status,"
                + " derived, detected_at, updated_at, source, source_id, also_in, first_seen_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?)",
                f.fingerprint(), f.ruleId(), f.detector(), f.severity().name(), f.severity().ordinal(),
                cut(f.titleJa(), 512), cut(f.titleEn(), 512), f.eventDay(), f.firstEventAt(), f.lastEventAt(),
                cut(f.accountId(), 64), cut(f.region(), 64), cut(f.principal(), 1024), cut(f.resource(), 1024),
                cut(f.sourceIp(), 256), cut(f.boundary(), 128), cut(f.eventNames(), 1024), cut(f.summaryJa(), 2000),
                cut(f.evidence(), 1000000), f.matchCount(), cut(f.countermeasureJa(), 4000),
                serviceHours.atUtc(f.firstEventAt()).name(), FindingStatus.NEW.name(), now, now, source(f),
                f.origin() == null ? null : cut(f.origin().sourceId(), 1024),
                f.origin() == null ? null : cut(f.origin().alsoIn(), 64),
                f.origin() == null ? null : f.origin().firstSeenAt());
    }

    private void update(long id, Finding f, LocalDateTime now) {
        jdbc.update("UPDATE finding SET rule_id = ?, detector = ?, severity = ?, severity_rank = ?, title_ja = ?,"
                + " title_en = ?, event_day = ?, first_event_at = ?, last_event_at = ?, account_id = ?, region = ?,"
                + " principal = ?, resource = ?, source_ip = ?, boundary = ?, event_names = ?, summary_ja = ?,"
                + " evidence = ?, match_count = ?, countermeasure_ja = ?, service_hours = ?, derived = TRUE,"
                + " updated_at = ?, source = ?, source_id = ?, also_in = ?, first_seen_at = ? WHERE id = ?",
                f.ruleId(), f.detector(), f.severity().name(), f.severity().ordinal(), cut(f.titleJa(), 512),
                cut(f.titleEn(), 512), f.eventDay(), f.firstEventAt(), f.lastEventAt(), cut(f.accountId(), 64),
                cut(f.region(), 64), cut(f.principal(), 1024), cut(f.resource(), 1024), cut(f.sourceIp(), 256),
                cut(f.boundary(), 128), cut(f.eventNames(), 1024), cut(f.summaryJa(), 2000), cut(f.evidence(), 1000000),
                f.matchCount(), cut(f.countermeasureJa(), 4000), serviceHours.atUtc(f.firstEventAt()).name(), now,
                source(f), f.origin() == null ? null : cut(f.origin().sourceId(), 1024),
                f.origin() == null ? null : cut(f.origin().alsoIn(), 64),
                f.origin() == null ? null : f.origin().firstSeenAt(), id);
    }

    private static String source(Finding f) {
        return f.origin() == null ? "govcloud-ops" : f.origin().source();
    }

    /**
     * A security service's state that changed since it was last applied (Security Hub's workflow, an archived
     * finding) sets the status, with a history entry naming the service; an unchanged state leaves the status
     * alone, so an operator's own status stands until the service changes its mind.
     */
    private void applyServiceState(String fingerprint, Finding.Origin origin, LocalDateTime now) {
        if (origin == null || origin.serviceState() == null) {
            return;
        }
        Map<String, Object> row = jdbc.queryForMap("SELECT id, status, service_state FROM finding WHERE fingerprint = ?",
                fingerprint);
        if (origin.serviceState().equals(row.get("service_state"))) {
            return;
        }
        long id = ((Number) row.get("id")).longValue();
        jdbc.update("UPDATE finding SET service_state = ? WHERE id = ?", cut(origin.serviceState(), 32), id);
        String current = (String) row.get("status");
        FindingStatus to = origin.serviceStatus();
        if (to != null && !to.name().equals(current)) {
            jdbc.update("UPDATE finding SET status = ?, status_changed_at = ? WHERE id = ?", to.name(), now, id);
            jdbc.update("INSERT INTO finding_status_history (finding_id, changed_at, from_status, to_status, note,"
                    + " changed_by) VALUES (?, ?, ?, ?, ?, ?)", id, now, current, to.name(),
                    origin.source() + ": " + origin.serviceState(), origin.source());
        }
    }

    /** Records an operator's status change with its note; returns the previous status. */
    public FindingStatus setStatus(long id, FindingStatus status, String note, String changedBy) {
        return transactions.execute(tx -> {
            List<String> current = jdbc.queryForList("SELECT status FROM finding WHERE id = ?", String.class, id);
            if (current.isEmpty()) {
                throw new IllegalArgumentException("no finding with id " + id);
            }
            FindingStatus previous = FindingStatus.valueOf(current.get(0));
            LocalDateTime now = UtcTime.now();
            jdbc.update("UPDATE finding SET status = ?, status_note = ?, status_changed_at = ?, updated_at = ?"
                    + " WHERE id = ?", status.name(), cut(note, 2000), now, now, id);
            jdbc.update("INSERT INTO finding_status_history (finding_id, changed_at, from_status, to_status, note,"
                    + " changed_by) VALUES (?, ?, ?, ?, ?, ?)", id, now, previous.name(), status.name(),
                    cut(note, 2000), cut(changedBy, 256));
            return previous;
        });
    }

    public List<StatusChange> history(long id) {
        return jdbc.query("SELECT changed_at, from_status, to_status, note, changed_by FROM finding_status_history"
                + " WHERE finding_id = ? ORDER BY id", (rs, i) -> new StatusChange(rs.getObject(1, LocalDateTime.class),
                        rs.getString(2) == null ? null : FindingStatus.valueOf(rs.getString(2)),
                        FindingStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)), id);
    }

    /** Findings whose day lies in [from, to], at or above a severity, in time order. */
    public List<Stored> list(LocalDate from, LocalDate to, Severity minimum, boolean includeWithdrawn) {
        return jdbc.query("SELECT " + COLUMNS + ", NULL FROM finding WHERE event_day BETWEEN ? AND ?"
                + " AND severity_rank >= ?" + (includeWithdrawn ? "" : " AND derived = TRUE")
                + " ORDER BY first_event_at, id", (rs, i) -> stored(rs), from, to, minimum.ordinal());
    }

    public Optional<Stored> get(long id) {
        return jdbc.query("SELECT " + COLUMNS + ", evidence FROM finding WHERE id = ?", (rs, i) -> stored(rs), id)
                .stream().findFirst();
    }

    /** Findings to mail one by one: derived, at or above the severity, events since {@code since}, not dismissed. */
    public List<Stored> toNotify(Severity minimum, LocalDateTime since) {
        return jdbc.query("SELECT " + COLUMNS + ", evidence FROM finding WHERE derived = TRUE AND severity_rank >= ?"
                + " AND first_event_at >= ? AND status NOT IN ('FALSE_POSITIVE', 'RESOLVED', 'WITHDRAWN') ORDER BY first_event_at, id",
                (rs, i) -> stored(rs), minimum.ordinal(), since);
    }

    /** Findings not yet in any digest and not mailed one by one. */
    public List<Stored> forDigest(Severity individualMinimum, LocalDateTime individualSince) {
        return jdbc.query("SELECT " + COLUMNS + ", NULL FROM finding WHERE derived = TRUE AND digested_at IS NULL"
                + " AND (severity_rank < ? OR first_event_at < ?) ORDER BY severity_rank DESC, first_event_at, id",
                (rs, i) -> stored(rs), individualMinimum.ordinal(), individualSince);
    }

    public void markDigested(Collection<Long> ids) {
        LocalDateTime now = UtcTime.now();
        List<Object[]> args = new ArrayList<>();
        ids.forEach(id -> args.add(new Object[] {now, id}));
        jdbc.batchUpdate("UPDATE finding SET digested_at = ? WHERE id = ?", args);
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), Severity.valueOf(rs.getString(4)),
                rs.getString(5), rs.getObject(6, LocalDateTime.class), rs.getObject(7, LocalDateTime.class),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15), rs.getLong(16), rs.getString(17),
                ServiceHours.Status.valueOf(rs.getString(18)), FindingStatus.valueOf(rs.getString(19)),
                rs.getString(20), rs.getBoolean(21), rs.getObject(22, LocalDate.class), rs.getString(23),
                rs.getString(24), rs.getString(25));
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
