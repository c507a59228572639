package jp.govcloudops.detect.flow.reject;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.Analytics;
import jp.govcloudops.detect.BaselineStore;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Evidence;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingDraft;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.Stats;
import jp.govcloudops.detect.flow.FlowSummary;
import jp.govcloudops.detect.flow.FlowSummaryTable;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rejected-traffic spikes: an hour whose REJECT count lies above mean + {@code reject-sigma}·σ of the past
 * {@code reject-history-days}, with at least {@code reject-min-count} rejects. Two subjects: each source address
 * (history = the hours it was rejected, at least {@code reject-min-points} of them) and each interface (history =
 * every hour it logged traffic, zero when nothing was rejected), so a spike from one new source shows on its
 * interface too. One finding per subject and day, at its peak hour.
 */
@Component
public class RejectSpikeDetector extends Analytics implements FlowSummaryTable {

    public static final String RULE = "flow-reject-spike";

    private final DetectionProperties.Flow settings;
    private final BaselineStore baselines;

    public RejectSpikeDetector(JdbcTemplate jdbc, RuleCatalog catalog, DetectionProperties properties,
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
        return RejectSummary.TABLE;
    }

    @Override
    public FlowSummary newSummary() {
        return new RejectSummary(settings);
    }

    private record Subject(String account, String kind, String id) {
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        Rule rule = rule(RULE).orElse(null);
        if (rule == null) {
            return List.of();
        }
        LocalDateTime start = window.fromUtc().minusDays(settings.rejectHistoryDays());
        Map<Subject, TreeMap<LocalDateTime, Long>> sources = new HashMap<>();
        Map<Subject, String> boundaries = new HashMap<>();
        jdbc.query("SELECT p.account_id, t.src_addr, t.src_boundary, t.event_hour, SUM(t.rejects)"
                + " FROM " + RejectSummary.TABLE + " t" + ACTIVE + " WHERE t.event_hour >= ? AND t.event_hour < ?"
                + " AND t.src_addr <> '*' GROUP BY p.account_id, t.src_addr, t.src_boundary, t.event_hour", rs -> {
                    Subject s = new Subject(rs.getString(1), "source", rs.getString(2));
                    sources.computeIfAbsent(s, k -> new TreeMap<>()).merge(time(rs, 4), rs.getLong(5), Long::sum);
                    boundaries.put(s, rs.getString(3));
                }, start, window.toUtc());
        // Interfaces: every logged hour is a point, with its REJECT count (0 if none).
        Map<Subject, TreeMap<LocalDateTime, Long>> interfaces = new HashMap<>();
        Map<Subject, String> regions = new HashMap<>();
        jdbc.query("SELECT p.account_id, p.region, t.interface_id, t.event_hour,"
                + " SUM(CASE WHEN t.action = 'REJECT' THEN t.flows ELSE 0 END) FROM flow_hourly t" + ACTIVE
                + " WHERE t.event_hour >= ? AND t.event_hour < ? AND t.interface_id IS NOT NULL"
                + " GROUP BY p.account_id, p.region, t.interface_id, t.event_hour", rs -> {
                    Subject s = new Subject(rs.getString(1), "interface", rs.getString(3));
                    interfaces.computeIfAbsent(s, k -> new TreeMap<>()).merge(time(rs, 4), rs.getLong(5), Long::sum);
                    regions.put(s, rs.getString(2));
                }, start, window.toUtc());

        List<Finding> findings = new ArrayList<>();
        List<BaselineStore.Row> rows = new ArrayList<>();
        Map<Subject, TreeMap<LocalDateTime, Long>> all = new LinkedHashMap<>(sources);
        all.putAll(interfaces);
        for (LocalDate day : window.days()) {
            LocalDateTime dayStart = window.startUtc(day);
            LocalDateTime dayEnd = window.startUtc(day.plusDays(1));
            all.forEach((subject, series) -> {
                Map<LocalDateTime, Long> today = series.subMap(dayStart, true, dayEnd, false);
                if (today.values().stream().noneMatch(v -> v >= settings.rejectMinCount())) {
                    return;
                }
                Map<LocalDateTime, Long> history = series.subMap(dayStart.minusDays(settings.rejectHistoryDays()), true,
                        dayStart, false);
                if (history.size() < settings.rejectMinPoints()) {
                    return;
                }
                double[] values = history.values().stream().mapToDouble(Long::doubleValue).toArray();
                Stats stats = Stats.of(values, values.length);
                Map<LocalDateTime, Long> flagged = new TreeMap<>();
                today.forEach((hour, count) -> {
                    if (count >= settings.rejectMinCount() && stats.above(count, settings.rejectSigma(), 1.0)) {
                        flagged.put(hour, count);
                    }
                });
                if (flagged.isEmpty()) {
                    return;
                }
                LocalDateTime peak = flagged.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                int historyDays = (int) history.keySet().stream().map(window::dayOf).distinct().count();
                rows.add(new BaselineStore.Row(day, RULE + ":" + subject.kind(), subject.account(), subject.id(), stats,
                        historyDays, peak, (double) flagged.get(peak)));
                findings.add(finding(rule, day, subject, flagged, peak, stats, historyDays,
                        boundaries.get(subject), regions.get(subject)));
            });
        }
        baselines.replace(window, List.of(RULE + ":source", RULE + ":interface"), rows);
        return findings;
    }

    private Finding finding(Rule rule, LocalDate day, Subject subject, Map<LocalDateTime, Long> flagged,
            LocalDateTime peak, Stats stats, int historyDays, String boundary, String region) {
        long value = flagged.get(peak);
        String ports = subject.kind().equals("source") ? ports(subject, peak) : null;
        Evidence evidence = new Evidence("statistic").put("metric", "rejects_per_hour")
                .put("subject", Map.of("kind", subject.kind(), "id", subject.id()))
                .put("peak_hour_utc", peak.toString()).put("value", value)
                .put("baseline", Evidence.baseline(stats, historyDays))
                .put("unusual_hours", flagged.entrySet().stream().map(e -> Map.of("hour_utc", e.getKey().toString(),
                        "rejects", e.getValue())).toList());
        if (ports != null) {
            evidence.put("dst_ports_sample", ports);
        }
        String who = subject.kind().equals("source")
                ? "送信元 " + subject.id() + "（" + boundaryLabel(boundary) + "）"
                : "インターフェース " + subject.id();
        String summary = who + " の REJECT が 1 時間に " + value + " 件（過去" + historyDays + "日の平均 "
                + String.format("%.1f", stats.mean()) + " 件、σ " + String.format("%.1f", stats.stddev()) + "、ピーク "
                + FindingMails.jst(peak) + (ports == null ? "" : "、宛先ポート " + ports) + "）";
        LocalDateTime first = ((TreeMap<LocalDateTime, Long>) flagged).firstKey();
        LocalDateTime last = ((TreeMap<LocalDateTime, Long>) flagged).lastKey();
        return new FindingDraft(rule, name(), day, subject.account(), subject.kind(), subject.id())
                .times(first, last.plusMinutes(59))
                .where(subject.account(), region)
                .who(null, subject.kind().equals("source") ? subject.id() : null)
                .resource(subject.kind().equals("interface") ? subject.id() : null)
                .boundary(subject.kind().equals("source") ? boundaryLabel(boundary) : null)
                .eventNames("REJECT " + value + "件/時 (" + subject.kind() + " " + subject.id() + ")")
                .summary(summary)
                .evidence(evidence.toString())
                .matches(flagged.values().stream().mapToLong(Long::longValue).sum())
                .build();
    }

    private String ports(Subject subject, LocalDateTime hour) {
        List<String> lists = jdbc.queryForList("SELECT t.dst_ports FROM " + RejectSummary.TABLE + " t" + ACTIVE
                + " WHERE p.account_id = ? AND t.src_addr = ? AND t.event_hour = ? AND t.dst_ports IS NOT NULL",
                String.class, subject.account(), subject.id(), hour);
        java.util.TreeSet<Integer> ports = new java.util.TreeSet<>();
        lists.forEach(l -> {
            for (String p : l.split(",")) {
                if (!p.isBlank()) {
                    ports.add(Integer.parseInt(p.strip()));
                }
            }
        });
        return ports.isEmpty() ? null : String.join(",", ports.stream().limit(10).map(String::valueOf).toList());
    }
}
