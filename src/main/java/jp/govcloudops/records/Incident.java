package jp.govcloudops.records;

import java.time.LocalDateTime;
import java.util.List;

import jp.govcloudops.records.CsvRows.BadValueException;
import jp.govcloudops.records.CsvRows.Row;

/**
 * A failure or incident record (障害・インシデント). Date-times are Japan time as written by the operator. The related
 * finding is given by id, or by a {@link FindingReference} that the import turns into the id.
 */
public record Incident(String id, String title, String severity, LocalDateTime occurred, LocalDateTime detected,
        String detectedBy, String accounts, String impact, String cause, String measures, String sharedWith,
        LocalDateTime shared, LocalDateTime resolved, String status, Long findingId, FindingReference findingRef, int line) {

    Incident withFindingId(Long findingId) {
        return new Incident(id, title, severity, occurred, detected, detectedBy, accounts, impact, cause, measures,
                sharedWith, shared, resolved, status, findingId, findingRef, line);
    }

    public static final List<String> SEVERITIES = List.of("重大", "中", "軽微");
    public static final List<String> STATUSES = List.of("対応中", "復旧済", "完了", "経過観察");
    public static final List<String> REQUIRED = List.of("id", "title", "severity", "occurred", "detected_by", "impact",
            "status");
    public static final List<String> OPTIONAL = List.of("detected", "accounts", "cause", "measures", "shared_with",
            "shared", "resolved", "finding_id", "finding_ref");

    static Incident fromRow(Row row) {
        Incident incident = new Incident(Values.required(row, "id", 64), Values.required(row, "title", 500),
                Values.oneOf(row, "severity", SEVERITIES), Values.dateTime("occurred", row.get("occurred")),
                Values.dateTime("detected", row.get("detected")), Values.required(row, "detected_by", 200),
                Values.optional(row, "accounts", 1000), Values.required(row, "impact", 4000),
                Values.optional(row, "cause", 4000), Values.optional(row, "measures", 4000),
                Values.optional(row, "shared_with", 1000), Values.dateTime("shared", row.get("shared")),
                Values.dateTime("resolved", row.get("resolved")), Values.oneOf(row, "status", STATUSES),
                Values.id("finding_id", row.get("finding_id")), FindingReference.parse("finding_ref", row.get("finding_ref")),
                row.line());
        if (incident.findingId != null && incident.findingRef != null) {
            throw new BadValueException("give 'finding_id' or 'finding_ref', not both");
        }
        if (incident.occurred == null) {
            throw new BadValueException("'occurred' is empty");
        }
        if (incident.detected != null && incident.detected.isBefore(incident.occurred)) {
            throw new BadValueException("'detected' (" + incident.detected + ") is before 'occurred' (" + incident.occurred + ")");
        }
        if (incident.resolved != null && incident.resolved.isBefore(incident.occurred)) {
            throw new BadValueException("'resolved' (" + incident.resolved + ") is before 'occurred' (" + incident.occurred + ")");
        }
        return incident;
    }
}
