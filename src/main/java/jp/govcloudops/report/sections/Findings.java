package jp.govcloudops.report.sections;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jp.govcloudops.report.ReportContext;

/**
 * The detection findings of a month, read from the detection feature's table. Every report query on findings goes
 * through here, so the report depends on that table's shape in one place only. Without the table (detection not
 * installed) the month simply has no findings.
 */
final class Findings {

    static final String TABLE = "finding";
    static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL");

    /** One finding as the report shows it; times are UTC as stored. */
    record Finding(long id, LocalDateTime time, String severity, String ruleId, String title, String accountId,
            String region, String principal, String resource, Boolean inServiceHours, String status, String evidence,
            String countermeasure) {
    }

    private Findings() {
    }

    static boolean available(ReportContext c) {
        return c.schema().has(TABLE);
    }

    static List<Finding> ofMonth(ReportContext c) {
        return between(c, c.utcStart(), c.utcEnd());
    }

    static List<Finding> between(ReportContext c, LocalDateTime fromUtc, LocalDateTime toUtc) {
        if (!available(c)) {
            return List.of();
        }
        return c.jdbc().queryForList("SELECT id, event_time, severity, rule_id, title, account_id, region, principal,"
                + " resource, in_service_hours, status, evidence_summary, countermeasure FROM " + TABLE
                + " WHERE event_time >= ? AND event_time < ? ORDER BY event_time, id", fromUtc, toUtc)
                .stream().map(Findings::finding).toList();
    }

    private static Finding finding(Map<String, Object> row) {
        return new Finding(Rows.num(row, "id"), Rows.timestamp(row, "event_time"), Rows.text(row, "severity"),
                Rows.text(row, "rule_id"), Rows.text(row, "title"), Rows.text(row, "account_id"),
                Rows.text(row, "region"), Rows.text(row, "principal"), Rows.text(row, "resource"),
                Rows.bool(row, "in_service_hours"), Rows.text(row, "status"), Rows.text(row, "evidence_summary"),
                Rows.text(row, "countermeasure"));
    }

    static int rank(String severity) {
        int i = SEVERITIES.indexOf(severity);
        return i < 0 ? SEVERITIES.size() : i;
    }

    static String severityLabel(String severity) {
        return switch (severity == null ? "" : severity) {
            case "CRITICAL" -> "CRITICAL（緊急）";
            case "HIGH" -> "HIGH（高）";
            case "MEDIUM" -> "MEDIUM（中）";
            case "LOW" -> "LOW（低）";
            case "INFORMATIONAL" -> "INFORMATIONAL（情報）";
            default -> severity == null ? "—" : severity;
        };
    }

    static String hoursLabel(Boolean inServiceHours) {
        return inServiceHours == null ? "判定不可" : inServiceHours ? "時間内" : "時間外";
    }
}
