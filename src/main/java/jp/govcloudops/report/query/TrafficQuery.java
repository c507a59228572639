package jp.govcloudops.report.query;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.report.ReportContext;

/** Flow-log traffic by network boundary (table flow_boundary_hourly), as seen from the estate's VPCs. */
public final class TrafficQuery {

    /** The boundary on the far side of a flow, seen from the estate's VPCs (VPC to VPC stays VPC). */
    private static final String PEER = "CASE WHEN src_boundary = 'VPC' THEN dst_boundary ELSE src_boundary END";

    /** One Japan day's flows with one peer boundary (a {@code Boundary} name): flows, bytes, REJECTed flows. */
    public record PeerDay(LocalDate day, String peer, long flows, long bytes, long rejected) {
    }

    private TrafficQuery() {
    }

    /** The month by day and peer, by day. */
    public static List<PeerDay> daily(ReportContext c) {
        return c.jdbc().queryForList("SELECT day, " + PEER + " AS peer, SUM(flows) AS flows,"
                + " SUM(bytes) AS bytes, SUM(CASE WHEN action = 'REJECT' THEN flows ELSE 0 END) AS rejected FROM "
                + HourlyTable.FLOW_BOUNDARY.month(c, null, "day", "src_boundary", "dst_boundary", "action")
                + " GROUP BY day, " + PEER + " ORDER BY day", c.utcStart(), c.utcEnd()).stream()
                .map(r -> new PeerDay(Rows.date(r, "day"), Rows.text(r, "peer"), Rows.num(r, "flows"),
                        Rows.num(r, "bytes"), Rows.num(r, "rejected"))).toList();
    }

    /** The previous month's bytes per peer boundary. */
    public static Map<String, Long> previousBytes(ReportContext c) {
        Map<String, Long> bytes = new HashMap<>();
        for (Map<String, Object> row : c.jdbc().queryForList("SELECT " + PEER + " AS peer, SUM(bytes) AS bytes FROM "
                + HourlyTable.FLOW_BOUNDARY.month(c, null, "src_boundary", "dst_boundary") + " GROUP BY " + PEER,
                c.utc(c.previous().atDay(1).atStartOfDay()), c.utcStart())) {
            bytes.put(Rows.text(row, "peer"), Rows.num(row, "bytes"));
        }
        return bytes;
    }
}
