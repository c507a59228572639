package jp.govcloudops.detect.flow.portscan;

import jp.govcloudops.detect.flow.portscan.PortScanSummary;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.Analytics;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Evidence;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingDraft;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.flow.FlowSummary;
import jp.govcloudops.detect.flow.FlowSummaryTable;
import jp.govcloudops.detect.flow.PortFlags;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Vertical port scans: a source reaching at least {@code scan-min-ports} distinct destination ports of one
 * destination within an hour (common service ports and ephemeral ports not counted). The port lists of all
 * objects of the hour are united, so a scan spread over many flow-log files is still one scan. One finding per
 * account, source, destination and day.
 */
@Component
public class PortScanDetector extends Analytics implements FlowSummaryTable {

    public static final String RULE = "flow-port-scan";

    private final DetectionProperties.Flow settings;
    private final PortFlags ignoredPorts;

    public PortScanDetector(JdbcTemplate jdbc, RuleCatalog catalog, DetectionProperties properties) {
        super(jdbc, catalog, RULE);
        this.settings = properties.flow();
        this.ignoredPorts = new PortFlags(settings.scanIgnoredPorts());
    }

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public String table() {
        return PortScanSummary.TABLE;
    }

    @Override
    public FlowSummary newSummary() {
        return new PortScanSummary(settings, ignoredPorts);
    }

    private static final class Hour {
        final TreeSet<Integer> ports = new TreeSet<>();
        int reported;
        long flows;
        long rejected;
        String srcBoundary;
        String dstBoundary;
        String interfaceId;
        String region;
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        Rule rule = rule(RULE).orElse(null);
        if (rule == null) {
            return List.of();
        }
        // (account, src, dst) -> hour -> union of the objects' rows
        Map<List<String>, TreeMap<LocalDateTime, Hour>> pairs = new LinkedHashMap<>();
        jdbc.query("SELECT p.account_id, p.region, t.event_hour, t.src_addr, t.dst_addr, t.src_boundary,"
                + " t.dst_boundary, t.interface_id, t.distinct_ports, t.dst_ports, t.flows, t.rejected"
                + " FROM " + PortScanSummary.TABLE + " t" + ACTIVE + " WHERE t.event_hour >= ? AND t.event_hour < ?"
                + " ORDER BY t.event_hour", rs -> {
                    Hour h = pairs.computeIfAbsent(List.of(rs.getString(1), rs.getString(4), rs.getString(5)),
                            k -> new TreeMap<>()).computeIfAbsent(time(rs, 3), k -> new Hour());
                    for (String p : rs.getString(10).split(",")) {
                        if (!p.isBlank()) {
                            h.ports.add(Integer.parseInt(p.strip()));
                        }
                    }
                    h.reported = Math.max(h.reported, rs.getInt(9));
                    h.flows += rs.getLong(11);
                    h.rejected += rs.getLong(12);
                    h.srcBoundary = rs.getString(6);
                    h.dstBoundary = rs.getString(7);
                    h.interfaceId = h.interfaceId == null ? rs.getString(8) : h.interfaceId;
                    h.region = rs.getString(2);
                }, window.fromUtc(), window.toUtc());

        List<Finding> findings = new ArrayList<>();
        pairs.forEach((key, hours) -> {
            Map<LocalDate, Map<LocalDateTime, Hour>> byDay = new TreeMap<>();
            hours.forEach((hour, h) -> {
                if (distinct(h) >= settings.scanMinPorts()) {
                    byDay.computeIfAbsent(window.dayOf(hour), d -> new TreeMap<>()).put(hour, h);
                }
            });
            byDay.forEach((day, flagged) -> findings.add(finding(rule, day, key, flagged)));
        });
        return findings;
    }

    private Finding finding(Rule rule, LocalDate day, List<String> key, Map<LocalDateTime, Hour> flagged) {
        String account = key.get(0);
        String src = key.get(1);
        String dst = key.get(2);
        Map.Entry<LocalDateTime, Hour> peak = flagged.entrySet().stream()
                .max((a, b) -> Integer.compare(distinct(a.getValue()), distinct(b.getValue()))).orElseThrow();
        Hour p = peak.getValue();
        long flows = flagged.values().stream().mapToLong(h -> h.flows).sum();
        long rejected = flagged.values().stream().mapToLong(h -> h.rejected).sum();
        TreeSet<Integer> all = new TreeSet<>();
        flagged.values().forEach(h -> all.addAll(h.ports));
        List<Map<String, Object>> hours = new ArrayList<>();
        flagged.forEach((hour, h) -> hours.add(Map.of("hour_utc", hour.toString(), "distinct_ports", distinct(h),
                "flows", h.flows, "rejected", h.rejected)));
        String boundary = boundaryLabel(p.srcBoundary) + " → " + boundaryLabel(p.dstBoundary);
        Evidence evidence = new Evidence("flow").put("src_addr", src).put("dst_addr", dst).put("boundary", boundary)
                .put("interface_id", p.interfaceId).put("threshold_ports_per_hour", settings.scanMinPorts())
                .put("hours", hours).put("ports_sample", all.stream().limit(100).toList())
                .put("flows", flows).put("rejected", rejected);
        String summary = src + "（" + boundaryLabel(p.srcBoundary) + "）から " + dst + "（" + boundaryLabel(p.dstBoundary)
                + "）へ 1 時間に " + distinct(p) + " ポート（しきい値 " + settings.scanMinPorts() + "、ピーク "
                + FindingMails.jst(peak.getKey()) + "、REJECT " + rejected + "/" + flows + " 件）";
        LocalDateTime first = flagged.keySet().iterator().next();
        LocalDateTime last = ((TreeMap<LocalDateTime, Hour>) flagged).lastKey();
        return new FindingDraft(rule, name(), day, account, src, dst)
                .times(first, last.plusMinutes(59))
                .where(account, p.region)
                .who(null, src)
                .resource(dst + (p.interfaceId == null ? "" : " (" + p.interfaceId + ")"))
                .boundary(boundary)
                .eventNames("ポートスキャン " + src + " → " + dst + " " + distinct(p) + "ポート/時")
                .summary(summary)
                .evidence(evidence.toString())
                .matches(flows)
                .build();
    }

    private static int distinct(Hour h) {
        return Math.max(h.ports.size(), h.reported);
    }
}
