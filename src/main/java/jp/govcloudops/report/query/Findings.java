package jp.govcloudops.report.query;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jp.govcloudops.config.Severity;
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

    /**
     * One finding as the report shows it; times are UTC as stored: {@code time} when its first event occurred
     * (発生), {@code detectedAt} when the detection found it. {@code status} is as of the report's cut-off (see
     * {@link #cutOff}); {@code statusInferred} says it was inferred from the work or incident records, no status
     * having been recorded by then.
     */
    public record Finding(long id, LocalDateTime time, String severity, String ruleId, String title, String accountId,
            String region, String principal, String resource, Boolean inServiceHours, String status, String evidence,
            String countermeasure, LocalDateTime detectedAt, boolean statusInferred) {
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
        LocalDateTime cutOff = cutOff(c);
        // The status as of the cut-off is the last one recorded before it; without one, a finding worked on by then
        // is 対応中 and one whose incident was resolved by then is 対応済 (so that 4, 5, 6 and 11 agree).
        return c.jdbc().queryForList("SELECT f.id, f.first_event_at, f.severity, f.rule_id, f.title_ja, f.account_id,"
                + " f.region, f.principal, f.resource, f.service_hours, f.summary_ja, f.event_names, f.match_count,"
                + " f.countermeasure_ja, f.detected_at,"
                + " (SELECT h.to_status FROM finding_status_history h WHERE h.finding_id = f.id AND h.changed_at < ?"
                + " ORDER BY h.changed_at DESC, h.id DESC FETCH FIRST 1 ROWS ONLY) AS recorded,"
                + " CASE WHEN f.status_changed_at IS NULL OR f.status_changed_at < ? THEN f.status END AS current_status,"
                + " (SELECT COUNT(*) FROM work_effort w WHERE w.finding_id = f.id AND w.work_date < ?) AS worked,"
                + " (SELECT COUNT(*) FROM incident i WHERE i.finding_id = f.id AND i.resolved_at < ?) AS resolved"
                + " FROM " + TABLE + " f WHERE " + IN_RANGE.replace("derived", "f.derived").replace("first_event_at", "f.first_event_at")
                + " ORDER BY f.first_event_at, f.id", cutOff, cutOff, c.local(cutOff).toLocalDate().plusDays(1), cutOff,
                fromUtc, toUtc).stream().map(Findings::finding).toList();
    }

    /** The report's cut-off as a UTC store time: the end of the month, or now while the month is running. */
    public static LocalDateTime cutOff(ReportContext c) {
        LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC);
        return now.isBefore(c.utcEnd()) ? now : c.utcEnd();
    }

    private static Finding finding(Map<String, Object> row) {
        String hours = Rows.text(row, "service_hours");
        String events = Rows.text(row, "event_names");
        String recorded = Rows.text(row, "recorded") != null ? Rows.text(row, "recorded") : Rows.text(row, "current_status");
        String status = recorded == null ? "NEW" : recorded;
        boolean inferred = false;
        if ("NEW".equals(status) && Rows.num(row, "resolved") > 0) {
            status = "RESOLVED";
            inferred = true;
        } else if ("NEW".equals(status) && Rows.num(row, "worked") > 0) {
            status = "IN_PROGRESS";
            inferred = true;
        }
        String evidence = Rows.text(row, "summary_ja") + (events == null || events.isBlank() ? "" : "（イベント: " + events
                + "、" + Rows.num(row, "match_count") + " 件）");
        return new Finding(Rows.num(row, "id"), Rows.timestamp(row, "first_event_at"), Rows.text(row, "severity"),
                Rows.text(row, "rule_id"), Rows.text(row, "title_ja"), Rows.text(row, "account_id"),
                Rows.text(row, "region"), Rows.text(row, "principal"), Rows.text(row, "resource"),
                "INSIDE".equals(hours) ? Boolean.TRUE : "OUTSIDE".equals(hours) ? Boolean.FALSE : null,
                statusLabel(status), evidence, Rows.text(row, "countermeasure_ja"), Rows.timestamp(row, "detected_at"),
                inferred);
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

    /** The severity as mails and {@code findings} write it (config.Severity): 「緊急（CRITICAL）」. */
    public static String severityLabel(String severity) {
        if (severity == null) {
            return "—";
        }
        try {
            return Severity.parse(severity).text();
        } catch (IllegalArgumentException e) {
            return severity;
        }
    }

    public static String hoursLabel(Boolean inServiceHours) {
        return inServiceHours == null ? "判定不可" : inServiceHours ? "時間内" : "時間外";
    }
}
