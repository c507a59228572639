package jp.govcloudops.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small multi-day night of logs (3 days, 2 accounts, 2 regions, 144 objects, a few quarantined records) and a
 * row-by-row dump of everything ingestion stores, keyed by meaning rather than ids, so that two stores filled in
 * different ways (interrupted, distributed, another database) can be compared exactly.
 */
public final class NightFixture {

    public static final String FROM = "2026-10-01";
    public static final String TO = "2026-10-03";
    public static final int OBJECTS = 144;

    private NightFixture() {
    }

    /** Every stored aggregate, as sorted text rows, keyed by what the rows mean (not by ids). */
    private static final String[] AGGREGATES = {
        "SELECT p.log_type, p.account_id, p.region, p.folder_date, h.event_hour, h.event_region, h.event_source,"
                + " h.event_name, h.error_code, h.principal, SUM(h.events) FROM ct_hourly h"
                + " JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE' JOIN log_partition p ON p.id = h.partition_id"
                + " GROUP BY p.log_type, p.account_id, p.region, p.folder_date, h.event_hour, h.event_region, h.event_source,"
                + " h.event_name, h.error_code, h.principal ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
        "SELECT p.account_id, p.region, p.folder_date, h.event_hour, h.interface_id, h.action, h.log_status,"
                + " SUM(h.flows), SUM(h.packets), SUM(h.bytes) FROM flow_hourly h"
                + " JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE' JOIN log_partition p ON p.id = h.partition_id"
                + " GROUP BY p.account_id, p.region, p.folder_date, h.event_hour, h.interface_id, h.action, h.log_status"
                + " ORDER BY 1, 2, 3, 4, 5, 6, 7",
        "SELECT p.log_type, p.account_id, p.region, p.folder_date, p.objects, p.records, p.quarantined, p.failed_objects"
                + " FROM log_partition p ORDER BY 1, 2, 3, 4",
        "SELECT o.object_key, o.etag, o.state, o.records, o.quarantined FROM source_object o ORDER BY 1, 3",
        "SELECT q.object_key, q.position, q.reason, q.records FROM quarantine q ORDER BY 1, 2",
    };

    public static LogTree write(Path root) {
        LogTree tree = new LogTree(root);
        LocalDate first = LocalDate.parse(FROM);
        for (int d = 0; d < 3; d++) {
            LocalDate day = first.plusDays(d);
            for (String account : List.of("200000000001", "200000000002")) {
                String user = "arn:aws:iam::" + account + ":user/ops";
                for (String region : List.of("ap-northeast-1", "ap-northeast-3")) {
                    for (int f = 0; f < 6; f++) {
                        List<String> events = new ArrayList<>();
                        for (int e = 0; e < 5 + f; e++) {
                            events.add(LogTree.event("%sT%02d:%02d:%02dZ".formatted(day, f * 4, e, f), "ec2.amazonaws.com",
                                    e % 2 == 0 ? "DescribeInstances" : "RunInstances", user, e == 3 ? "AccessDenied" : null));
                        }
                        if (f == 2) {
                            events.add(LogTree.event(day + " 11:11:11", "ec2.amazonaws.com", "Bad", user, null));
                        }
                        tree.cloudTrail(account, region, day, "%sT%02d05Z".formatted(day.toString().replace("-", ""), f * 4),
                                events);
                        List<String> flows = new ArrayList<>();
                        long start = day.atTime(f * 4, 0).toEpochSecond(java.time.ZoneOffset.UTC);
                        for (int i = 0; i < 30; i++) {
                            flows.add(LogTree.v2(account, "eni-" + region.charAt(13) + (i % 3), "10.1." + f + "." + i,
                                    "10.100.0." + (i % 7), 30000 + i, i % 5 == 0 ? 22 : 443, 3 + i, 120L * i + f,
                                    start + i * 30, i % 6 == 0 ? "REJECT" : "ACCEPT"));
                        }
                        tree.flow(account, region, day, "%sT%02d10Z".formatted(day.toString().replace("-", ""), f * 4),
                                LogTree.V2_HEADER, flows);
                    }
                }
            }
        }
        return tree;
    }

    public static List<String> dump(String db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            for (String sql : AGGREGATES) {
                List<String> section = rows(st, sql);
                // Sorted here, not by SQL: H2 and PostgreSQL order NULLs differently.
                section.sort(null);
                rows.addAll(section);
                rows.add("--");
            }
        }
        return rows;
    }

    /** The query's rows in their order, each as its values followed by '|'. */
    public static List<String> rows(Statement st, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    public static Connection connect(String db) throws SQLException {
        return TestStore.connect(db);
    }
}
