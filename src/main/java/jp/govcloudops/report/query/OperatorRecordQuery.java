package jp.govcloudops.report.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jp.govcloudops.report.ReportContext;

/**
 * The operator records the report lists (tables {@code incident}, {@code inquiry}, {@code risk}, kept by the
 * import commands). Times are UTC as stored.
 */
public final class OperatorRecordQuery {

    /** An incident; {@code findingId} is null when it cites no finding. */
    public record Incident(String id, String title, String severity, LocalDateTime occurredAt, LocalDateTime detectedAt,
            String detectedBy, String accounts, String impact, String cause, String measures, String sharedWith,
            LocalDateTime sharedAt, String status, LocalDateTime resolvedAt, Long findingId) {
    }

    public record Inquiry(String id, LocalDateTime receivedAt, String requester, String channel, String subject,
            String answer, String status, LocalDateTime answeredAt) {
    }

    public record Risk(String id, String title, String description, String impact, String likelihood,
            String countermeasure, String owner, String status, LocalDate dueOn, LocalDate closedOn) {
    }

    private OperatorRecordQuery() {
    }

    /** Incidents that occurred in the month, and earlier ones still open at its start, by time of occurrence. */
    public static List<Incident> incidents(ReportContext c) {
        return c.jdbc().queryForList("SELECT * FROM incident WHERE (occurred_at >= ?"
                + " AND occurred_at < ?) OR (occurred_at < ? AND (resolved_at IS NULL OR resolved_at >= ?))"
                + " ORDER BY occurred_at, id", c.utcStart(), c.utcEnd(), c.utcStart(), c.utcStart()).stream()
                .map(r -> new Incident(Rows.text(r, "id"), Rows.text(r, "title"), Rows.text(r, "severity"),
                        Rows.timestamp(r, "occurred_at"), Rows.timestamp(r, "detected_at"), Rows.text(r, "detected_by"),
                        Rows.text(r, "accounts"), Rows.text(r, "impact"), Rows.text(r, "cause"), Rows.text(r, "measures"),
                        Rows.text(r, "shared_with"), Rows.timestamp(r, "shared_at"), Rows.text(r, "status"),
                        Rows.timestamp(r, "resolved_at"), r.get("finding_id") == null ? null : Rows.num(r, "finding_id")))
                .toList();
    }

    /** Inquiries received in the month, and earlier ones still 対応中, by time received. */
    public static List<Inquiry> inquiries(ReportContext c) {
        return c.jdbc().queryForList("SELECT * FROM inquiry WHERE (received_at >= ?"
                + " AND received_at < ?) OR (received_at < ? AND status = '対応中') ORDER BY received_at, id",
                c.utcStart(), c.utcEnd(), c.utcStart()).stream()
                .map(r -> new Inquiry(Rows.text(r, "id"), Rows.timestamp(r, "received_at"), Rows.text(r, "requester"),
                        Rows.text(r, "channel"), Rows.text(r, "subject"), Rows.text(r, "answer"), Rows.text(r, "status"),
                        Rows.timestamp(r, "answered_at"))).toList();
    }

    /** Risks open during the month (identified by its end, not closed before it): 対応中, 監視中, then the rest. */
    public static List<Risk> risks(ReportContext c) {
        return c.jdbc().queryForList("SELECT * FROM risk WHERE identified_on <= ?"
                + " AND (closed_on IS NULL OR closed_on >= ?) ORDER BY CASE status WHEN '対応中' THEN 0 WHEN '監視中' THEN 1"
                + " ELSE 2 END, identified_on, id", c.last(), c.first()).stream()
                .map(r -> new Risk(Rows.text(r, "id"), Rows.text(r, "title"), Rows.text(r, "description"),
                        Rows.text(r, "impact"), Rows.text(r, "likelihood"), Rows.text(r, "countermeasure"),
                        Rows.text(r, "owner"), Rows.text(r, "status"), Rows.date(r, "due_on"), Rows.date(r, "closed_on")))
                .toList();
    }
}
