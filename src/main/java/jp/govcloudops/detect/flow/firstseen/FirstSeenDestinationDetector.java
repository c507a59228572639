package jp.govcloudops.detect.flow.firstseen;

import jp.govcloudops.detect.flow.firstseen.DestinationSummary;
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
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Evidence;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingDraft;
import jp.govcloudops.detect.Texts;
import jp.govcloudops.detect.flow.FlowSummary;
import jp.govcloudops.detect.flow.FlowSummaryTable;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * First-seen external destinations: an interface sending ACCEPTed traffic to an internet network (/24, or /48 for
 * IPv6) and port it did not use in the past {@code destination-history-days}. Interfaces younger than
 * {@code destination-min-history-days} are skipped. One finding per interface and day, listing what was new.
 */
@Component
public class FirstSeenDestinationDetector extends Analytics implements FlowSummaryTable {

    public static final String RULE = "flow-first-seen-destination";

    private final DetectionProperties.Flow settings;

    public FirstSeenDestinationDetector(JdbcTemplate jdbc, RuleCatalog catalog, DetectionProperties properties) {
        super(jdbc, catalog, RULE);
        this.settings = properties.flow();
    }

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public String table() {
        return DestinationSummary.TABLE;
    }

    @Override
    public FlowSummary newSummary() {
        return new DestinationSummary(settings);
    }

    private static final class Dest {
        LocalDateTime first;
        long flows;
        long bytes;
        String sample;
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        Rule rule = rule(RULE).orElse(null);
        if (rule == null) {
            return List.of();
        }
        LocalDateTime start = window.fromUtc().minusDays(settings.destinationHistoryDays());
        // (account, interface) -> destination -> day -> traffic, read in one pass
        Map<List<String>, Map<String, TreeMap<LocalDate, Dest>>> seen = new HashMap<>();
        Map<List<String>, String> regions = new HashMap<>();
        jdbc.query("SELECT p.account_id, p.region, t.interface_id, t.dst_net, t.dst_port, t.event_hour, t.flows,"
                + " t.bytes, t.dst_addr FROM " + DestinationSummary.TABLE + " t" + ACTIVE
                + " WHERE t.event_hour >= ? AND t.event_hour < ?", rs -> {
                    List<String> key = List.of(rs.getString(1), rs.getString(3));
                    LocalDateTime hour = time(rs, 6);
                    Dest d = seen.computeIfAbsent(key, k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(4) + ":" + rs.getInt(5), k -> new TreeMap<>())
                            .computeIfAbsent(window.dayOf(hour), k -> new Dest());
                    d.first = d.first == null || hour.isBefore(d.first) ? hour : d.first;
                    d.flows += rs.getLong(7);
                    d.bytes += rs.getLong(8);
                    d.sample = d.sample == null ? rs.getString(9) : d.sample;
                    regions.put(key, rs.getString(2));
                }, start, window.toUtc());
        // When each interface first logged anything within the history (younger ones are skipped).
        Map<List<String>, LocalDateTime> firstLogged = new HashMap<>();
        jdbc.query("SELECT p.account_id, t.interface_id, MIN(t.event_hour) FROM flow_hourly t" + ACTIVE
                + " WHERE t.event_hour >= ? AND t.event_hour < ? AND t.interface_id IS NOT NULL"
                + " GROUP BY p.account_id, t.interface_id", rs -> {
                    firstLogged.put(List.of(rs.getString(1), rs.getString(2)), time(rs, 3));
                }, start, window.toUtc());

        List<Finding> findings = new ArrayList<>();
        for (LocalDate day : window.days()) {
            LocalDate historyStart = day.minusDays(settings.destinationHistoryDays());
            LocalDateTime oldEnough = window.startUtc(day).minusDays(settings.destinationMinHistoryDays());
            seen.forEach((key, destinations) -> {
                LocalDateTime since = firstLogged.get(key);
                if (since == null || since.isAfter(oldEnough)) {
                    return;
                }
                Map<String, Dest> fresh = new TreeMap<>();
                destinations.forEach((dest, byDay) -> {
                    Dest today = byDay.get(day);
                    if (today != null && byDay.subMap(historyStart, true, day, false).isEmpty()) {
                        fresh.put(dest, today);
                    }
                });
                if (!fresh.isEmpty()) {
                    findings.add(finding(rule, day, key.get(0), key.get(1), fresh, regions.get(key)));
                }
            });
        }
        return findings;
    }

    private Finding finding(Rule rule, LocalDate day, String account, String iface, Map<String, Dest> fresh,
            String region) {
        List<Map<String, Object>> list = new ArrayList<>();
        Map<String, Long> byBytes = new LinkedHashMap<>();
        fresh.forEach((dest, d) -> {
            if (list.size() < 50) {
                list.add(Map.of("destination", dest, "sample_addr", d.sample, "first_hour_utc", d.first.toString(),
                        "flows", d.flows, "bytes", d.bytes));
            }
            byBytes.put(d.sample + ":" + dest.substring(dest.lastIndexOf(':') + 1), d.bytes);
        });
        LocalDateTime first = fresh.values().stream().map(d -> d.first).min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime last = fresh.values().stream().map(d -> d.first).max(LocalDateTime::compareTo).orElseThrow();
        long bytes = fresh.values().stream().mapToLong(d -> d.bytes).sum();
        Evidence evidence = new Evidence("first-seen").put("interface_id", iface)
                .put("history_days", settings.destinationHistoryDays()).put("new_destinations", list);
        List<String> shown = byBytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + "（" + Texts.bytes(e.getValue()) + "）").limit(3).toList();
        return new FindingDraft(rule, name(), day, account, iface)
                .times(first, last.plusMinutes(59))
                .where(account, region)
                .resource(iface)
                .boundary("VPC → インターネット")
                .eventNames("新しい宛先 " + fresh.size() + " 件: " + String.join(", ", shown))
                .summary("インターフェース " + iface + " が過去" + settings.destinationHistoryDays()
                        + "日に通信していない外部宛先 " + fresh.size() + " 件へ通信（計 " + Texts.bytes(bytes) + "）: "
                        + String.join(", ", shown))
                .evidence(evidence.toString())
                .matches(fresh.values().stream().mapToLong(d -> d.flows).sum())
                .build();
    }
}
