package jp.govcloudops.records;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.config.GovcloudProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes operator records. Callers run each file in one transaction, so a file is stored whole or not at all.
 * Japan date-times from the files are stored as UTC, like every timestamp in the store.
 */
@Repository
public class OperatorRecordsStore {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public OperatorRecordsStore(JdbcTemplate jdbc, GovcloudProperties properties) {
        this.jdbc = jdbc;
        this.zone = properties.zone();
    }

    /** Replaces every effort row earlier imported from {@code sourceFile}; returns how many rows it removed. */
    public int replaceEffort(String sourceFile, List<WorkEffort> rows, ServiceWindow window) {
        int removed = jdbc.update("DELETE FROM work_effort WHERE source_file = ?", sourceFile);
        insertEffort(sourceFile, rows, window);
        return removed;
    }

    public void insertEffort(String sourceFile, List<WorkEffort> rows, ServiceWindow window) {
        LocalDateTime now = UtcTime.now();
        jdbc.batchUpdate("INSERT INTO work_effort (work_date, start_time, hours, category, person, finding_id, note,"
                + " inside_hours, outside_hours, hours_basis, source_file, source_line, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.stream().map(e -> {
                    EffortSplit split = EffortSplit.of(window, e.date(), e.start(), e.hours());
                    return new Object[] {e.date(), e.start(), e.hours(), e.category().label(), e.person(),
                            e.findingId(), e.note(), split.inside(), split.outside(), window.basis(e.date()), sourceFile,
                            e.line(), now};
                }).toList());
    }

    public void upsertIncidents(String sourceFile, List<Incident> rows) {
        LocalDateTime now = UtcTime.now();
        for (Incident i : rows) {
            jdbc.update("DELETE FROM incident WHERE id = ?", i.id());
            jdbc.update("INSERT INTO incident (id, title, severity, occurred_at, detected_at, detected_by, accounts,"
                    + " impact, cause, measures, shared_with, shared_at, resolved_at, status, finding_id, source_file,"
                    + " source_line, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    i.id(), i.title(), i.severity(), utc(i.occurred()), utc(i.detected()), i.detectedBy(),
                    i.accounts(), i.impact(), i.cause(), i.measures(), i.sharedWith(), utc(i.shared()),
                    utc(i.resolved()), i.status(), i.findingId(), sourceFile, i.line(), now);
        }
    }

    public void upsertInquiries(String sourceFile, List<Inquiry> rows) {
        LocalDateTime now = UtcTime.now();
        for (Inquiry q : rows) {
            jdbc.update("DELETE FROM inquiry WHERE id = ?", q.id());
            jdbc.update("INSERT INTO inquiry (id, received_at, channel, requester, subject, answer, answered_at,"
                    + " status, person, source_file, source_line, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?)", q.id(), utc(q.received()), q.channel(), q.requester(), q.subject(), q.answer(),
                    utc(q.answered()), q.status(), q.person(), sourceFile, q.line(), now);
        }
    }

    public void upsertRisks(String sourceFile, List<Risk> rows) {
        LocalDateTime now = UtcTime.now();
        for (Risk r : rows) {
            jdbc.update("DELETE FROM risk WHERE id = ?", r.id());
            jdbc.update("INSERT INTO risk (id, identified_on, title, description, impact, likelihood, countermeasure,"
                    + " owner, status, due_on, closed_on, source_file, source_line, imported_at) VALUES (?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.identified(), r.title(), r.description(), r.impact(),
                    r.likelihood(), r.countermeasure(), r.owner(), r.status(), r.due(), r.closed(), sourceFile,
                    r.line(), now);
        }
    }

    private LocalDateTime utc(LocalDateTime local) {
        return local == null ? null : local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
