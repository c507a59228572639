package jp.govcloudops.detect.flow.skipdata;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.govcloudops.detect.Analytics;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Evidence;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingDraft;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Flow-log records with log-status SKIPDATA (records lost by AWS): a data-quality finding per interface and day. */
@Component
public class SkipDataDetector extends Analytics {

    public static final String RULE = "flow-skipdata";

    public SkipDataDetector(JdbcTemplate jdbc, RuleCatalog catalog) {
        super(jdbc, catalog, RULE);
    }

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        Rule rule = rule(RULE).orElse(null);
        if (rule == null) {
            return List.of();
        }
        Map<List<Object>, TreeMap<LocalDateTime, Long>> groups = new LinkedHashMap<>();
        Map<List<Object>, String> regions = new LinkedHashMap<>();
        jdbc.query("SELECT p.account_id, p.region, t.interface_id, t.event_hour, SUM(t.flows) FROM flow_hourly t"
                + ACTIVE + " WHERE t.log_status = 'SKIPDATA' AND t.event_hour >= ? AND t.event_hour < ?"
                + " GROUP BY p.account_id, p.region, t.interface_id, t.event_hour", rs -> {
                    LocalDateTime hour = time(rs, 4);
                    List<Object> key = new ArrayList<>();
                    key.add(rs.getString(1));
                    key.add(rs.getString(3));
                    key.add(window.dayOf(hour));
                    groups.computeIfAbsent(key, k -> new TreeMap<>()).merge(hour, rs.getLong(5), Long::sum);
                    regions.put(key, rs.getString(2));
                }, window.fromUtc(), window.toUtc());
        List<Finding> findings = new ArrayList<>();
        groups.forEach((key, hours) -> {
            String account = (String) key.get(0);
            String iface = (String) key.get(1);
            LocalDate day = (LocalDate) key.get(2);
            long records = hours.values().stream().mapToLong(Long::longValue).sum();
            Evidence evidence = new Evidence("data-quality").put("interface_id", iface).put("log_status", "SKIPDATA")
                    .put("records", records).put("hours_utc", hours.keySet().stream().map(Object::toString).toList());
            findings.add(new FindingDraft(rule, name(), day, account, iface)
                    .times(hours.firstKey(), hours.lastKey().plusMinutes(59))
                    .where(account, regions.get(key))
                    .resource(iface)
                    .eventNames("SKIPDATA ×" + records)
                    .summary("インターフェース " + iface + " のフローログに SKIPDATA が " + records + " 件（"
                            + hours.size() + " 時間帯、最初 " + FindingMails.jst(hours.firstKey()) + "）")
                    .evidence(evidence.toString())
                    .matches(records)
                    .build());
        });
        return findings;
    }
}
