package jp.govcloudops.report.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.govcloudops.report.ReportContext;

/**
 * A month of CloudTrail events and flow-log records from one query over ct_hourly and one over flow_hourly, shared
 * by 総括 (the totals), 稼働状況 (the days each account's logs cover), セキュリティ状況 and 構成管理・変更管理 (the
 * events they list). Reading ct_hourly once instead of once per section is most of the report's speed on H2, where
 * a pass over a month of hourly rows costs the same whatever the filter.
 */
public final class MonthUsage {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MonthUsage.class);

    /** Authorisation failures; {@link Activity#denied()} is the same test in Java. */
    public static final String DENIED = "(error_code LIKE '%UnauthorizedOperation' OR error_code LIKE 'AccessDenied%')";

    /**
     * Events of the sections' interest are kept with their service, API, principal, identity type and source
     * address: write calls (readOnly=false), authorisation failures ({@link #DENIED}), root use and
     * console sign-ins. Other events are only counted, per account, day, readOnly and error code.
     */
    public static final String DETAILED = "read_only = FALSE OR " + DENIED + " OR identity_type = 'Root'"
            + " OR event_name = 'ConsoleLogin'";

    /** Summed CloudTrail events; the detail columns are null unless {@code detailed}. */
    public record Activity(String accountId, LocalDate day, Boolean readOnly, String errorCode, boolean detailed,
            String eventSource, String eventName, String principal, String identityType, String sourceIp, long events) {

        public boolean write() {
            return Boolean.FALSE.equals(readOnly);
        }

        /** {@link #DENIED}: the error code ends with UnauthorizedOperation or starts with AccessDenied. */
        public boolean denied() {
            return errorCode != null && (errorCode.endsWith("UnauthorizedOperation") || errorCode.startsWith("AccessDenied"));
        }

        public boolean failed() {
            return errorCode != null;
        }
    }

    /** One account's day of CloudTrail: all events, write calls (readOnly=false), authorisation failures. */
    public record CloudTrailDay(String accountId, LocalDate day, long events, long writes, long denied) {
    }

    /** One account's day of flow logs: records, bytes, REJECTed records. */
    public record FlowDay(String accountId, LocalDate day, long flows, long bytes, long rejected) {
    }

    private final List<Activity> activity;
    private final List<CloudTrailDay> cloudtrail;
    private final List<FlowDay> flows;

    private MonthUsage(List<Activity> activity, List<FlowDay> flows) {
        this.activity = activity;
        this.cloudtrail = perDay(activity);
        this.flows = flows;
    }

    public static MonthUsage of(ReportContext c, YearMonth month) {
        return c.shared(List.of(MonthUsage.class, month), () -> read(c, month));
    }

    private static MonthUsage read(ReportContext c, YearMonth month) {
        var from = c.utc(month.atDay(1).atStartOfDay());
        var to = c.utc(month.plusMonths(1).atDay(1).atStartOfDay());
        long started = System.nanoTime();
        // Summed per object over the raw columns first (cheap for H2: no expression per row), then the events
        // outside DETAILED lose their detail columns in the outer grouping, over the far fewer summed rows.
        String detail = "CASE WHEN " + DETAILED + " THEN ";
        String columns = detail + "1 ELSE 0 END, " + detail + "event_source END, " + detail + "event_name END, "
                + detail + "principal END, " + detail + "identity_type END, " + detail + "source_ip END";
        List<Activity> activity = c.jdbc().query("SELECT account_id, day, read_only, error_code, " + columns
                + ", SUM(events) AS events FROM " + HourlyTable.CLOUDTRAIL.month(c, null, "day", "read_only", "error_code",
                        "event_source", "event_name", "principal", "identity_type", "source_ip")
                + " GROUP BY account_id, day, read_only, error_code, " + columns, (rs, n) -> new Activity(
                        rs.getString(1), rs.getObject(2, LocalDate.class), (Boolean) rs.getObject(3), rs.getString(4),
                        rs.getInt(5) == 1, rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getLong(11)), from, to);
        long cloudtrailRead = System.nanoTime();
        List<FlowDay> flows = c.jdbc().query("SELECT account_id, day, SUM(flows) AS flows, SUM(bytes) AS bytes,"
                + " SUM(CASE WHEN action = 'REJECT' THEN flows ELSE 0 END) AS rejected"
                + " FROM " + HourlyTable.FLOW.month(c, null, "day", "action") + " GROUP BY account_id, day",
                (rs, n) -> new FlowDay(rs.getString("account_id"), rs.getObject("day", LocalDate.class),
                        rs.getLong("flows"), rs.getLong("bytes"), rs.getLong("rejected")), from, to);
        log.debug("Month {}: CloudTrail {} rows in {} ms, flow logs {} rows in {} ms", month, activity.size(),
                (cloudtrailRead - started) / 1_000_000, flows.size(), (System.nanoTime() - cloudtrailRead) / 1_000_000);
        return new MonthUsage(activity, flows);
    }

    private static List<CloudTrailDay> perDay(List<Activity> activity) {
        Map<List<Object>, long[]> days = new java.util.LinkedHashMap<>();
        for (Activity a : activity) {
            long[] t = days.computeIfAbsent(List.of(a.accountId(), a.day()), k -> new long[3]);
            t[0] += a.events();
            t[1] += a.write() ? a.events() : 0;
            t[2] += a.denied() ? a.events() : 0;
        }
        return days.entrySet().stream().map(e -> new CloudTrailDay((String) e.getKey().get(0),
                (LocalDate) e.getKey().get(1), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    /** The month's CloudTrail events, detailed where {@link #DETAILED}. */
    public List<Activity> activity() {
        return activity;
    }

    public List<CloudTrailDay> cloudtrail() {
        return cloudtrail;
    }

    public List<FlowDay> flows() {
        return flows;
    }

    /** The accounts with at least one CloudTrail event or flow record in the month. */
    public Set<String> accounts() {
        Set<String> accounts = new TreeSet<>();
        cloudtrail.forEach(d -> accounts.add(d.accountId()));
        flows.forEach(d -> accounts.add(d.accountId()));
        return accounts;
    }

    public Map<String, Set<LocalDate>> cloudtrailDays() {
        Map<String, Set<LocalDate>> days = new HashMap<>();
        cloudtrail.forEach(d -> days.computeIfAbsent(d.accountId(), k -> new TreeSet<>()).add(d.day()));
        return days;
    }

    public Map<String, Set<LocalDate>> flowDays() {
        Map<String, Set<LocalDate>> days = new HashMap<>();
        flows.forEach(d -> days.computeIfAbsent(d.accountId(), k -> new TreeSet<>()).add(d.day()));
        return days;
    }
}
