package jp.govcloudops.report.query;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jp.govcloudops.report.ReportContext;

/**
 * The detection findings of a month, read from the detection feature's table. Every report query on findings goes
 * through here, so the report depends on that table's shape in one place only. Without the table (detection not
 * installed) the month simply has no findings.
 */
public final class Findings {

    public static final String TABLE = "finding";
    /**
     * A finding belongs to the month of its first matching event (UTC bounds of the Japan month). Findings the rules
     * no longer derive (kept only because an operator had touched them) are left out, as {@code findings list} does.
     */
    public static final String IN_RANGE = "derived = TRUE AND first_event_at >= ? AND first_event_at < ?";
    public static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL");

    /** One finding as the report shows it; times are UTC as stored. */
    public record Finding(long id, LocalDateTime time, String severity, String ruleId, String title, String accountId,
            String region, String principal, String resource, Boolean inServiceHours, String status, String evidence,
            String countermeasure) {
    }

    private Findings() {
    }

    public static boolean available(ReportContext c) {
        return c.schema().has(TABLE);
    }

    /** Read once per report: the alert, security and appendix sections all list the month's findings. */
    public static List<Finding> ofMonth(ReportContext c) {
        return c.shared(List.of(Findings.class, c.month()), () -> between(c, c.utcStart(), c.utcEnd()));
    }

    public static List<Finding> between(ReportContext c, LocalDateTime fromUtc, LocalDateTime toUtc) {
        if (!available(c)) {
            return List.of();
        }
        return c.jdbc().queryForList("SELECT id, first_event_at, severity, rule_id, title_ja, account_id, region,"
                + " principal, resource, service_hours, status, summary_ja, event_names, match_count, countermeasure_ja"
                + " FROM " + TABLE + " WHERE " + IN_RANGE + " ORDER BY first_event_at, id", fromUtc, toUtc)
                .stream().map(Findings::finding).toList();
    }

    private static Finding finding(Map<String, Object> row) {
        String hours = Rows.text(row, "service_hours");
        String events = Rows.text(row, "event_names");
        String evidence = Rows.text(row, "summary_ja") + (events == null || events.isBlank() ? "" : "（イベント: " + events
                + "、" + Rows.num(row, "match_count") + " 件）");
        return new Finding(Rows.num(row, "id"), Rows.timestamp(row, "first_event_at"), Rows.text(row, "severity"),
                Rows.text(row, "rule_id"), Rows.text(row, "title_ja"), Rows.text(row, "account_id"),
                Rows.text(row, "region"), Rows.text(row, "principal"), Rows.text(row, "resource"),
                "INSIDE".equals(hours) ? Boolean.TRUE : "OUTSIDE".equals(hours) ? Boolean.FALSE : null,
                statusLabel(Rows.text(row, "status")), evidence, Rows.text(row, "countermeasure_ja"));
    }

    /**
     * Where a finding came from, in the report's words: the security services' findings carry their service as
     * rule id; every other rule is govcloud-ops' own.
     */
    public static String sourceLabel(String ruleId) {
        return switch (ruleId == null ? "" : ruleId) {
            case "guardduty" -> "GuardDuty";
            case "securityhub" -> "Security Hub";
            case "config" -> "AWS Config";
            default -> "govcloud-ops（ログ分析）";
        };
    }

    /** The detection feature's status codes in the report's words. */
    public static String statusLabel(String status) {
        return switch (status == null ? "" : status) {
            case "NEW" -> "未対応";
            case "IN_PROGRESS" -> "対応中";
            case "RESOLVED" -> "対応済";
            case "MONITORING" -> "経過観察";
            case "FALSE_POSITIVE" -> "誤検知";
            case "WITHDRAWN" -> "取り下げ";
            default -> status;
        };
    }

    public static int rank(String severity) {
        int i = SEVERITIES.indexOf(severity);
        return i < 0 ? SEVERITIES.size() : i;
    }

    public static String severityLabel(String severity) {
        return switch (severity == null ? "" : severity) {
            case "CRITICAL" -> "CRITICAL（緊急）";
            case "HIGH" -> "HIGH（高）";
            case "MEDIUM" -> "MEDIUM（中）";
            case "LOW" -> "LOW（低）";
            case "INFORMATIONAL" -> "INFORMATIONAL（情報）";
            default -> severity == null ? "—" : severity;
        };
    }

    public static String hoursLabel(Boolean inServiceHours) {
        return inServiceHours == null ? "判定不可" : inServiceHours ? "時間内" : "時間外";
    }
}
