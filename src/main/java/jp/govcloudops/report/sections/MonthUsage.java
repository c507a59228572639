package jp.govcloudops.report.sections;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.govcloudops.report.ReportContext;

/**
 * CloudTrail events and flow-log records per account and day of one month: one query over ct_hourly and one over
 * flow_hourly, shared by 総括 (the totals) and 稼働状況 (the days each account's logs cover).
 */
final class MonthUsage {

    /** One account's day of CloudTrail: all events, write calls (readOnly=false), authorisation failures. */
    record CloudTrailDay(String accountId, LocalDate day, long events, long writes, long denied) {
    }

    /** One account's day of flow logs: records, bytes, REJECTed records. */
    record FlowDay(String accountId, LocalDate day, long flows, long bytes, long rejected) {
    }

    private final List<CloudTrailDay> cloudtrail;
    private final List<FlowDay> flows;

    private MonthUsage(List<CloudTrailDay> cloudtrail, List<FlowDay> flows) {
        this.cloudtrail = cloudtrail;
        this.flows = flows;
    }

    static MonthUsage of(ReportContext c, YearMonth month) {
        return c.shared(List.of(MonthUsage.class, month), () -> read(c, month));
    }

    private static MonthUsage read(ReportContext c, YearMonth month) {
        var from = c.utc(month.atDay(1).atStartOfDay());
        var to = c.utc(month.plusMonths(1).atDay(1).atStartOfDay());
        List<CloudTrailDay> cloudtrail = c.jdbc().query("SELECT account_id, day, SUM(events) AS events,"
                + " SUM(CASE WHEN read_only = FALSE THEN events ELSE 0 END) AS writes,"
                + " SUM(CASE WHEN " + SecuritySection.DENIED + " THEN events ELSE 0 END) AS denied"
                + " FROM " + HourlyTable.CLOUDTRAIL.month(c, null, "day", "read_only", "error_code")
                + " GROUP BY account_id, day", (rs, n) -> new CloudTrailDay(rs.getString("account_id"),
                        rs.getObject("day", LocalDate.class), rs.getLong("events"), rs.getLong("writes"), rs.getLong("denied")),
                from, to);
        List<FlowDay> flows = c.jdbc().query("SELECT account_id, day, SUM(flows) AS flows, SUM(bytes) AS bytes,"
                + " SUM(CASE WHEN action = 'REJECT' THEN flows ELSE 0 END) AS rejected"
                + " FROM " + HourlyTable.FLOW.month(c, null, "day", "action") + " GROUP BY account_id, day",
                (rs, n) -> new FlowDay(rs.getString("account_id"), rs.getObject("day", LocalDate.class),
                        rs.getLong("flows"), rs.getLong("bytes"), rs.getLong("rejected")), from, to);
        return new MonthUsage(cloudtrail, flows);
    }

    List<CloudTrailDay> cloudtrail() {
        return cloudtrail;
    }

    List<FlowDay> flows() {
        return flows;
    }

    /** The accounts with at least one CloudTrail event or flow record in the month. */
    Set<String> accounts() {
        Set<String> accounts = new TreeSet<>();
        cloudtrail.forEach(d -> accounts.add(d.accountId()));
        flows.forEach(d -> accounts.add(d.accountId()));
        return accounts;
    }

    Map<String, Set<LocalDate>> cloudtrailDays() {
        Map<String, Set<LocalDate>> days = new HashMap<>();
        cloudtrail.forEach(d -> days.computeIfAbsent(d.accountId(), k -> new TreeSet<>()).add(d.day()));
        return days;
    }

    Map<String, Set<LocalDate>> flowDays() {
        Map<String, Set<LocalDate>> days = new HashMap<>();
        flows.forEach(d -> days.computeIfAbsent(d.accountId(), k -> new TreeSet<>()).add(d.day()));
        return days;
    }
}
