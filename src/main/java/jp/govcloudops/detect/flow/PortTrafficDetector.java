package jp.govcloudops.detect.flow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.detect.Analytics;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Evidence;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingDraft;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Findings from a table of (hour, source, destination, port) traffic written by a {@link PortTrafficSummary}: one
 * finding per account, source, destination, port and day, with the traffic summed over the day's hours and objects.
 */
public abstract class PortTrafficDetector extends Analytics implements FlowSummaryTable {

    private final String rule;
    private final String table;
    private final String boundaryColumn;

    /** The day's traffic of one (account, source, destination, port). */
    protected static final class Traffic {
        public String account;
        public String region;
        public String src;
        public String dst;
        public int port;
        public LocalDate day;
        public LocalDateTime first;
        public LocalDateTime lastHour;
        public long flows;
        public long packets;
        public long bytes;
        /** The boundary of the side that is not the internet. */
        public String boundary;
        public String interfaceId;
    }

    protected PortTrafficDetector(JdbcTemplate jdbc, RuleCatalog catalog, String rule, String table,
            String boundaryColumn) {
        super(jdbc, catalog, rule);
        this.rule = rule;
        this.table = table;
        this.boundaryColumn = boundaryColumn;
    }

    @Override
    public String name() {
        return rule;
    }

    @Override
    public String table() {
        return table;
    }

    protected abstract Finding finding(Rule rule, Traffic traffic);

    /** The evidence every such finding carries; the destination under {@code destinationKey}. */
    protected static Evidence evidence(Traffic t, String destinationKey, String boundary) {
        return new Evidence("flow").put("src_addr", t.src).put(destinationKey, t.dst).put("dst_port", t.port)
                .put("boundary", boundary).put("interface_id", t.interfaceId).put("action", "ACCEPT")
                .put("first_start_utc", t.first.toString()).put("flows", t.flows).put("packets", t.packets)
                .put("bytes", t.bytes);
    }

    /** A finding on the traffic, its time span, place, source and destination set. */
    protected FindingDraft draft(Rule rule, Traffic t) {
        return new FindingDraft(rule, name(), t.day, t.account, t.src, t.dst, t.port)
                .times(t.first, t.lastHour.plusMinutes(59))
                .where(t.account, t.region)
                .who(null, t.src)
                .resource(t.dst + ":" + t.port + (t.interfaceId == null ? "" : " (" + t.interfaceId + ")"))
                .matches(t.flows);
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        Rule enabled = rule(rule).orElse(null);
        if (enabled == null) {
            return List.of();
        }
        Map<List<Object>, Traffic> groups = new LinkedHashMap<>();
        jdbc.query("SELECT p.account_id, p.region, t.event_hour, t.first_start, t.src_addr, t.dst_addr, t.dst_port, t."
                + boundaryColumn + ", t.interface_id, t.flows, t.packets, t.bytes FROM " + table + " t" + ACTIVE
                + " WHERE t.event_hour >= ? AND t.event_hour < ? ORDER BY t.first_start", rs -> {
                    LocalDateTime first = time(rs, 4);
                    List<Object> key = List.of(rs.getString(1), rs.getString(5), rs.getString(6), rs.getInt(7),
                            window.dayOf(first));
                    Traffic t = groups.computeIfAbsent(key, k -> new Traffic());
                    t.account = rs.getString(1);
                    t.region = rs.getString(2);
                    t.src = rs.getString(5);
                    t.dst = rs.getString(6);
                    t.port = rs.getInt(7);
                    t.day = window.dayOf(first);
                    t.first = t.first == null || first.isBefore(t.first) ? first : t.first;
                    LocalDateTime hour = time(rs, 3);
                    t.lastHour = t.lastHour == null || hour.isAfter(t.lastHour) ? hour : t.lastHour;
                    t.flows += rs.getLong(10);
                    t.packets += rs.getLong(11);
                    t.bytes += rs.getLong(12);
                    t.boundary = rs.getString(8);
                    t.interfaceId = rs.getString(9);
                }, window.fromUtc(), window.toUtc());
        List<Finding> findings = new ArrayList<>();
        for (Traffic t : groups.values()) {
            if (window.contains(t.day)) {
                findings.add(finding(enabled, t));
            }
        }
        return findings;
    }
}
