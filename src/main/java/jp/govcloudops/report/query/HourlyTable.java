package jp.govcloudops.report.query;

import java.util.StringJoiner;

import jp.govcloudops.report.ReportContext;

/**
 * A month of one hourly usage table as a derived table for the report's queries, with the same rows the daily views
 * (R__views.sql) count: only objects whose manifest row is ACTIVE, CloudTrail only from cloudtrail partitions, days
 * in the store zone (the offset in store_zone, read once per report rather than joined to every row).
 *
 * <p>The daily views compute {@code day} from {@code event_hour} per row and group all history, so a month's filter
 * on {@code day} reads every stored row. Here the month is found through the {@code event_hour} index (the Japan
 * month's bounds in UTC, the first two parameters), summed per object and the requested columns, and only the sums
 * are joined to the manifest and the partitions. The joins are written as LEFT JOINs with their conditions in
 * WHERE, which makes them inner joins: H2 keeps the written order of outer joins, so it reads the summed month once
 * and looks each object and partition up by primary key. Written as inner joins, H2 starts from the manifest and
 * runs the grouped subquery again for every object; PostgreSQL plans both forms alike.
 */
enum HourlyTable {

    CLOUDTRAIL("ct_hourly", "cloudtrail", "events"),
    FLOW("flow_hourly", null, "flows", "packets", "bytes"),
    FLOW_BOUNDARY("flow_boundary_hourly", null, "flows", "packets", "bytes");

    private final String table;
    private final String logType;
    private final String[] measures;

    HourlyTable(String table, String logType, String... measures) {
        this.table = table;
        this.logType = logType;
        this.measures = measures;
    }

    /**
     * The month as {@code (SELECT ...) m} with the columns account_id, region, the given {@code columns} and the
     * table's measures summed (events; or flows, packets, bytes). A column is a column of the hourly table, or
     * {@code day} (the store-zone day), or {@code "expression AS alias"} over the table's columns. {@code filter} is
     * a condition on the table's columns (or null); its parameters follow the month's two.
     */
    String month(ReportContext c, String filter, String... columns) {
        // The daily views' day, with store_zone.offset_hours as an interval literal: H2 evaluates
        // "offset * INTERVAL '1' HOUR" again for every row, which costs more than the rest of the scan.
        String day = "CAST(h.event_hour + INTERVAL '" + c.storeOffsetHours() + "' HOUR AS DATE)";
        StringJoiner select = new StringJoiner(", ");
        StringJoiner group = new StringJoiner(", ");
        select.add("h.object_id").add("h.partition_id");
        group.add("h.object_id").add("h.partition_id");
        StringJoiner outer = new StringJoiner(", ");
        outer.add("p.account_id").add("p.region");
        for (String column : columns) {
            int as = column.indexOf(" AS ");
            String alias = as < 0 ? column : column.substring(as + 4);
            String expression = as >= 0 ? column.substring(0, as) : column.equals("day") ? day : "h." + column;
            select.add(expression + " AS " + alias);
            group.add(expression);
            outer.add("a." + alias);
        }
        for (String measure : measures) {
            select.add("SUM(h." + measure + ") AS " + measure);
            outer.add("a." + measure);
        }
        return "(SELECT " + outer + " FROM (SELECT " + select + " FROM " + table + " h"
                + " WHERE h.event_hour >= ? AND h.event_hour < ?" + (filter == null ? "" : " AND (" + filter + ")")
                + " GROUP BY " + group + ") a"
                + " LEFT JOIN source_object o ON o.id = a.object_id"
                + " LEFT JOIN log_partition p ON p.id = a.partition_id"
                + " WHERE o.state = 'ACTIVE'" + (logType == null ? "" : " AND p.log_type = '" + logType + "'") + ") m";
    }
}
