package jp.govcloudops.report.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;

/**
 * The headline figures of a month (総括), each one query over the store, for the month and the one before. A figure
 * whose source has nothing for the month (no logs ingested for it, no effort recorded, no cost loaded) has no value
 * (null), which the report prints as 「—」 (データなし), never as 0.
 */
public final class KeyFigures {

    /** A figure: its label, its value (null without data), and how the value is written. */
    public record Figure(String label, BigDecimal value, String unit) {

        public boolean hasValue() {
            return value != null;
        }

        public String formatted() {
            if (value == null) {
                return "—";
            }
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
        long objects = sum(c, "SELECT COUNT(*) FROM source_object o JOIN log_partition p"
                + " ON p.id = o.partition_id WHERE o.state = 'ACTIVE' AND p.folder_date BETWEEN ? AND ?", first, last);
        boolean logs = MonthCoverage.hasLogs(c, month);
        MonthUsage usage = MonthUsage.of(c, month);
        long events = usage.cloudtrail().stream().mapToLong(MonthUsage.CloudTrailDay::events).sum();
        long writes = usage.cloudtrail().stream().mapToLong(MonthUsage.CloudTrailDay::writes).sum();
        long denied = usage.cloudtrail().stream().mapToLong(MonthUsage.CloudTrailDay::denied).sum();
        long flows = usage.flows().stream().mapToLong(MonthUsage.FlowDay::flows).sum();
        long bytes = usage.flows().stream().mapToLong(MonthUsage.FlowDay::bytes).sum();
        long rejected = usage.flows().stream().mapToLong(MonthUsage.FlowDay::rejected).sum();
        figures.add(count("ログを受信したアカウント数", logs, usage.accounts().size()));
        figures.add(count("CloudTrail イベント数", logs, events));
        figures.add(count("うち変更系 API 呼出し", logs, writes));
        figures.add(count("認可エラー（AccessDenied 等）", logs, denied));
        figures.add(count("VPC フローログ レコード数", logs, flows));
        figures.add(new Figure("通信量（フローログ計）", logs ? BigDecimal.valueOf(bytes) : null, "bytes"));
        figures.add(count("拒否（REJECT）フロー数", logs, rejected));
        figures.add(count("取込みオブジェクト数", logs, objects));
        figures.add(count("隔離レコード数", logs, sum(c, "SELECT SUM(o.quarantined) FROM source_object o JOIN log_partition p"
                + " ON p.id = o.partition_id WHERE o.state = 'ACTIVE' AND p.folder_date BETWEEN ? AND ?", first, last)));
        figures.add(count("データ欠損（記録件数）", logs, sum(c, "SELECT COUNT(*) FROM data_gap g JOIN log_partition p"
                + " ON p.id = g.partition_id WHERE p.folder_date BETWEEN ? AND ?", first, last)));
        if (Findings.available(c)) {
            figures.add(count("検知件数", logs, sum(c, "SELECT COUNT(*) FROM " + Findings.TABLE
                    + " WHERE " + Findings.IN_RANGE, from, to)));
            figures.add(count("うち重要度 高（HIGH）以上", logs, sum(c, "SELECT COUNT(*) FROM " + Findings.TABLE
                    + " WHERE severity IN ('HIGH', 'CRITICAL') AND " + Findings.IN_RANGE, from, to)));
        }
        // Operator records are kept whether or not logs arrived; a month the store covers has real zeros.
        boolean records = logs || sum(c, "SELECT COUNT(*) FROM work_effort WHERE work_date BETWEEN ? AND ?", first, last) > 0;
        figures.add(count("障害・インシデント件数", records, sum(c, "SELECT COUNT(*) FROM incident WHERE occurred_at >= ?"
                + " AND occurred_at < ?", from, to)));
        figures.add(count("うち重大", records, sum(c, "SELECT COUNT(*) FROM incident WHERE severity = '重大'"
                + " AND occurred_at >= ? AND occurred_at < ?", from, to)));
        figures.add(count("問合せ件数", records, sum(c, "SELECT COUNT(*) FROM inquiry WHERE received_at >= ?"
                + " AND received_at < ?", from, to)));
        figures.add(new Figure("作業工数（人時）", c.jdbc().queryForObject("SELECT SUM(hours) FROM work_effort"
                + " WHERE work_date BETWEEN ? AND ?", BigDecimal.class, first, last), "hours"));
        if (c.schema().has("cost_month")) {
            for (Map<String, Object> row : c.jdbc().queryForList("SELECT currency, SUM(billed_cost) AS billed FROM cost_month"
                    + " WHERE month IN (?, ?) GROUP BY currency ORDER BY currency", c.month().toString(), c.previous().toString())) {
                String currency = Rows.text(row, "currency");
                figures.add(new Figure("利用料（" + currency + "）", c.jdbc().queryForObject("SELECT SUM(billed_cost)"
                        + " FROM cost_month WHERE month = ? AND currency = ?", BigDecimal.class, month.toString(), currency),
                        currency));
            }
        }
        return figures;
    }

    private static Figure count(String label, boolean known, long value) {
        return new Figure(label, known ? BigDecimal.valueOf(value) : null, "count");
    }

    private static long sum(ReportContext c, String sql, Object... args) {
        Number n = c.jdbc().queryForObject(sql, Number.class, args);
        return n == null ? 0 : n.longValue();
    }
}
