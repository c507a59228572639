package jp.govcloudops.detect.flow.egress;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.Analytics;
import jp.govcloudops.detect.BaselineStore;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Evidence;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingDraft;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.Stats;
import jp.govcloudops.detect.Texts;
import jp.govcloudops.detect.flow.FlowSummary;
import jp.govcloudops.detect.flow.FlowSummaryTable;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Exfiltration-like volume: bytes per hour from one internal source to internet destinations, as a z-score
 * against the past {@code egress-history-days}. Every hour in which the account logged flows is a point (zero when
 * the source sent nothing out), so a host that suddenly uploads a lot stands out even without a history of its
 * own; at least {@code egress-min-points} points and {@code egress-min-bytes} in the hour are required.
 */
@Component
public class EgressVolumeDetector extends Analytics implements FlowSummaryTable {

    public static final String RULE = "flow-egress-volume-anomaly";

    private final DetectionProperties.Flow settings;
    private final BaselineStore baselines;

    public EgressVolumeDetector(JdbcTemplate jdbc, RuleCatalog catalog, DetectionProperties properties,
            BaselineStore baselines) {
        super(jdbc, catalog, RULE);
        this.settings = properties.flow();
        this.baselines = baselines;
    }

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public String table() {
        return EgressSummary.TABLE;
    }

    @Override
    public FlowSummary newSummary() {
        return new EgressSummary();
    }

    private static final class Hour {
        long bytes;
        long flows;
        String boundary;
        String interfaceId;
        String topDestination;
        long topBytes;
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        Rule rule = rule(RULE).orElse(null);
        if (rule == null) {
            return List.of();
        }
        LocalDateTime start = window.fromUtc().minusDays(settings.egressHistoryDays());
        Map<List<String>, TreeMap<LocalDateTime, Hour>> sources = new HashMap<>();
        jdbc.query("SELECT p.account_id, t.src_addr, t.event_hour, t.src_boundary, t.interface_id, t.bytes, t.flows,"
                + " t.top_dst_addr, t.top_dst_bytes FROM " + EgressSummary.TABLE + " t" + ACTIVE
                + " WHERE t.event_hour >= ? AND t.event_hour < ?", rs -> {
                    Hour h = sources.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new TreeMap<>())
                            .computeIfAbsent(time(rs, 3), k -> new Hour());
                    h.bytes += rs.getLong(6);
                    h.flows += rs.getLong(7);
                    h.boundary = rs.getString(4);
                    h.interfaceId = h.interfaceId == null ? rs.getString(5) : h.interfaceId;
                    if (rs.getLong(9) > h.topBytes) {
                        h.topBytes = rs.getLong(9);
                        h.topDestination = rs.getString(8);
                    }
                }, start, window.toUtc());
        Map<String, TreeSet<LocalDateTime>> logged = new HashMap<>();
        Map<String, String> regions = new HashMap<>();
        jdbc.query("SELECT DISTINCT p.account_id, p.region, t.event_hour FROM flow_hourly t" + ACTIVE
                + " WHERE t.event_hour >= ? AND t.event_hour < ?", rs -> {
                    logged.computeIfAbsent(rs.getString(1), a -> new TreeSet<>()).add(time(rs, 3));
                    regions.put(rs.getString(1), rs.getString(2));
                }, start, window.toUtc());

        List<Finding> findings = new ArrayList<>();
        List<BaselineStore.Row> rows = new ArrayList<>();
        for (LocalDate day : window.days()) {
            LocalDateTime dayStart = window.startUtc(day);
            LocalDateTime dayEnd = window.startUtc(day.plusDays(1));
            sources.forEach((key, series) -> {
                Map<LocalDateTime, Hour> today = series.subMap(dayStart, true, dayEnd, false);
                if (today.values().stream().noneMatch(h -> h.bytes >= settings.egressMinBytes())) {
                    return;
                }
                NavigableSet<LocalDateTime> points = logged.getOrDefault(key.get(0), new TreeSet<>())
                        .subSet(dayStart.minusDays(settings.egressHistoryDays()), true, dayStart, false);
                if (points.size() < settings.egressMinPoints()) {
                    return;
                }
                double[] values = new double[points.size()];
                int n = 0;
                for (LocalDateTime hour : points) {
                    Hour h = series.get(hour);
                    values[n++] = h == null ? 0 : h.bytes;
                }
                Stats stats = Stats.of(values, n);
                Map<LocalDateTime, Hour> flagged = new TreeMap<>();
                today.forEach((hour, h) -> {
                    if (h.bytes >= settings.egressMinBytes() && stats.zScore(h.bytes) >= settings.egressZScore()) {
                        flagged.put(hour, h);
                    }
                });
                if (flagged.isEmpty()) {
                    return;
                }
                LocalDateTime peak = flagged.entrySet().stream()
                        .max((a, b) -> Long.compare(a.getValue().bytes, b.getValue().bytes)).orElseThrow().getKey();
                int historyDays = (int) points.stream().map(window::dayOf).distinct().count();
                rows.add(new BaselineStore.Row(day, RULE, key.get(0), key.get(1), stats, historyDays, peak,
                        (double) flagged.get(peak).bytes));
                findings.add(finding(rule, day, key.get(0), key.get(1), flagged, peak, stats, historyDays,
                        regions.get(key.get(0))));
            });
        }
        baselines.replace(window, List.of(RULE), rows);
        return findings;
    }

    private Finding finding(Rule rule, LocalDate day, String account, String src, Map<LocalDateTime, Hour> flagged,
            LocalDateTime peak, Stats stats, int historyDays, String region) {
        Hour p = flagged.get(peak);
        double z = stats.zScore(p.bytes);
        String zText = Double.isInfinite(z) ? "∞（履歴は 0）" : String.format("%.1f", z);
        long total = flagged.values().stream().mapToLong(h -> h.bytes).sum();
        String boundary = boundaryLabel(p.boundary) + " → インターネット";
        Evidence evidence = new Evidence("statistic").put("metric", "bytes_to_internet_per_hour")
                .put("src_addr", src).put("boundary", boundary).put("interface_id", p.interfaceId)
                .put("peak_hour_utc", peak.toString()).put("value", p.bytes)
                .put("z_score", Double.isInfinite(z) ? "Infinity" : Evidence.round(z))
                .put("baseline", Evidence.baseline(stats, historyDays))
                .put("top_destination", p.topDestination).put("top_destination_bytes", p.topBytes)
                .put("unusual_hours", flagged.entrySet().stream().map(e -> Map.of("hour_utc", e.getKey().toString(),
                        "bytes", e.getValue().bytes)).toList());
        String summary = src + "（" + boundaryLabel(p.boundary) + "）からインターネットへ 1 時間に " + Texts.bytes(p.bytes)
                + "（過去" + historyDays + "日の平均 " + Texts.bytes(Math.round(stats.mean())) + "/時、z=" + zText
                + "、主な宛先 " + p.topDestination + "、ピーク " + FindingMails.jst(peak) + "）";
        LocalDateTime first = ((TreeMap<LocalDateTime, Hour>) flagged).firstKey();
        LocalDateTime last = ((TreeMap<LocalDateTime, Hour>) flagged).lastKey();
        return new FindingDraft(rule, name(), day, account, src)
                .times(first, last.plusMinutes(59))
                .where(account, region)
                .who(null, src)
                .resource(p.topDestination == null ? null : "宛先 " + p.topDestination)
                .boundary(boundary)
                .eventNames("送信 " + Texts.bytes(total) + " " + src + " → " + p.topDestination)
                .summary(summary)
                .evidence(evidence.toString())
                .matches(flagged.values().stream().mapToLong(h -> h.flows).sum())
                .build();
    }
}
