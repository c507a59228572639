package jp.govcloudops.report.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;

/** The headline figures of a month (総括), each one query over the store, for the month and the one before. */
public final class KeyFigures {

    /** A figure: its label, its value, and how the value is written. */
    public record Figure(String label, BigDecimal value, String unit) {

        public String formatted() {
            return switch (unit) {
                case "bytes" -> Jp.bytes(value.longValue());
                case "hours" -> Jp.hours(value);
                case "count" -> Jp.count(value.longValue());
                default -> Jp.money(value, unit);
            };
        }
    }

    private KeyFigures() {
    }

    public static List<Figure> of(ReportContext c, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        var from = c.utc(first.atStartOfDay());
        var to = c.utc(month.plusMonths(1).atDay(1).atStartOfDay());
        List<Figure> figures = new ArrayList<>();
        MonthUsage usage = MonthUsage.of(c, month);
        long events = usage.cloudtrail().stream().mapToLong(MonthUsage.CloudTrailDay::events).sum();
        long writes = usage.cloudtrail().stream().mapToLong(MonthUsage.CloudTrailDay::writes).sum();
        long denied = usage.cloudtrail().stream().mapToLong(MonthUsage.CloudTrailDay::denied).sum();
        long flows = usage.flows().stream().mapToLong(MonthUsage.FlowDay::flows).sum();
        long bytes = usage.flows().stream().mapToLong(MonthUsage.FlowDay::bytes).sum();
        long rejected = usage.flows().stream().mapToLong(MonthUsage.FlowDay::rejected).sum();
        figures.add(count("ログを受信したアカウント数", (long) usage.accounts().size()));
        figures.add(count("CloudTrail イベント数", events));
        figures.add(count("うち変更系 API 呼出し", writes));
        figures.add(count("認可エラー（AccessDenied 等）", denied));
        figures.add(count("VPC フローログ レコード数", flows));
        figures.add(new Figure("通信量（フローログ計）", BigDecimal.valueOf(bytes), "bytes"));
        figures.add(count("拒否（REJECT）フロー数", rejected));
        figures.add(count("取込みオブジェクト数", sum(c, "SELECT COUNT(*) FROM source_object o JOIN log_partition p"
                + " ON p.id = o.partition_id WHERE o.state = 'ACTIVE' AND p.folder_date BETWEEN ? AND ?", first, last)));
        figures.add(count("隔離レコード数", sum(c, "SELECT SUM(o.quarantined) FROM source_object o JOIN log_partition p"
                + " ON p.id = o.partition_id WHERE o.state = 'ACTIVE' AND p.folder_date BETWEEN ? AND ?", first, last)));
        figures.add(count("データ欠損（記録件数）", sum(c, "SELECT COUNT(*) FROM data_gap g JOIN log_partition p"
                + " ON p.id = g.partition_id WHERE p.folder_date BETWEEN ? AND ?", first, last)));
        if (Findings.available(c)) {
            figures.add(count("検知件数", sum(c, "SELECT COUNT(*) FROM " + Findings.TABLE
                    + " WHERE " + Findings.IN_RANGE, from, to)));
            figures.add(count("うち重要度 HIGH 以上", sum(c, "SELECT COUNT(*) FROM " + Findings.TABLE
                    + " WHERE severity IN ('HIGH', 'CRITICAL') AND " + Findings.IN_RANGE, from, to)));
        }
        figures.add(count("障害・インシデント件数", sum(c, "SELECT COUNT(*) FROM incident WHERE occurred_at >= ? AND occurred_at < ?", from, to)));
        figures.add(count("うち重大", sum(c, "SELECT COUNT(*) FROM incident WHERE severity = '重大' AND occurred_at >= ?"
                + " AND occurred_at < ?", from, to)));
        figures.add(count("問合せ件数", sum(c, "SELECT COUNT(*) FROM inquiry WHERE received_at >= ? AND received_at < ?", from, to)));
        figures.add(new Figure("作業工数（人時）", decimal(c, "SELECT SUM(hours) FROM work_effort WHERE work_date BETWEEN ? AND ?",
                first, last), "hours"));
        if (c.schema().has("cost_month")) {
            for (Map<String, Object> row : c.jdbc().queryForList("SELECT currency, SUM(billed_cost) AS billed FROM cost_month"
                    + " WHERE month IN (?, ?) GROUP BY currency ORDER BY currency", c.month().toString(), c.previous().toString())) {
                String currency = Rows.text(row, "currency");
                figures.add(new Figure("利用料（" + currency + "）", decimal(c, "SELECT SUM(billed_cost) FROM cost_month"
                        + " WHERE month = ? AND currency = ?", month.toString(), currency), currency));
            }
        }
        return figures;
    }

    private static Figure count(String label, Long value) {
        return new Figure(label, BigDecimal.valueOf(value == null ? 0 : value), "count");
    }

    private static long sum(ReportContext c, String sql, Object... args) {
        Number n = c.jdbc().queryForObject(sql, Number.class, args);
        return n == null ? 0 : n.longValue();
    }

    private static BigDecimal decimal(ReportContext c, String sql, Object... args) {
        BigDecimal n = c.jdbc().queryForObject(sql, BigDecimal.class, args);
        return n == null ? BigDecimal.ZERO : n;
    }
}
