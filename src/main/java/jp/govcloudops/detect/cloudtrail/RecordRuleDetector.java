package jp.govcloudops.detect.cloudtrail;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.govcloudops.detect.Analytics;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Detector;
import jp.govcloudops.detect.Evidence;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingDraft;
import jp.govcloudops.detect.Texts;
import jp.govcloudops.detect.rule.GroupKey;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import jp.govcloudops.detect.rule.Threshold;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Findings of the CloudTrail rules from the stored matches (det_ct_match of ACTIVE objects). A rule without a
 * threshold makes one finding per group ({@code dedup.by}) and dedup window; a thresholded rule finds episodes in
 * which at least {@code count} matches of a group ({@code threshold.by}) fall within a sliding {@code window}, and
 * makes one finding per group and dedup window in which an episode starts. A record delivered twice (same
 * eventID, event name and time) counts once.
 */
@Component
public class RecordRuleDetector implements Detector {

    public static final String NAME = "cloudtrail-rules";

    private final JdbcTemplate jdbc;
    private final RuleCatalog rules;
    private final int evidenceRecords;

    public RecordRuleDetector(JdbcTemplate jdbc, RuleCatalog rules,
            jp.govcloudops.config.DetectionProperties properties) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.evidenceRecords = properties.evidenceRecords();
    }

    @Override
    public boolean perRecord() {
        return true;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> ruleIds() {
        return rules.cloudTrailRules().stream().map(Rule::id).toList();
    }

    record Match(long id, String ruleId, LocalDateTime time, String eventId, String eventSource, String eventName,
            String region, String principal, String identityType, String sourceIp, String userAgent, String errorCode,
            String resource, long matches, String account, boolean hasRaw) {

        String value(GroupKey key) {
            return switch (key) {
                case ACCOUNT -> account;
                case REGION -> region;
                case PRINCIPAL -> principal;
                case SOURCE_IP -> sourceIp;
                case RESOURCE -> resource;
                case EVENT_NAME -> eventName;
                case EVENT_SOURCE -> eventSource;
            };
        }
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        Duration margin = rules.cloudTrailRules().stream().filter(r -> r.threshold() != null)
                .map(r -> r.threshold().window()).max(Duration::compareTo).orElse(Duration.ZERO);
        Map<String, List<Match>> byRule = load(window.fromUtc().minus(margin), window.toUtc().plus(margin));
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules.cloudTrailRules()) {
            List<Match> matches = byRule.getOrDefault(rule.id(), List.of());
            if (matches.isEmpty()) {
                continue;
            }
            if (rule.threshold() == null) {
                findings.addAll(perWindow(rule, matches, window));
            } else {
                findings.addAll(thresholded(rule, matches, window));
            }
        }
        return findings;
    }

    private Map<String, List<Match>> load(LocalDateTime from, LocalDateTime to) {
        Map<String, List<Match>> byRule = new HashMap<>();
        Map<String, Set<String>> seenEventIds = new HashMap<>();
        jdbc.query("SELECT t.id, t.rule_id, t.event_time, t.event_id, t.event_source, t.event_name, t.event_region,"
                + " t.principal, t.identity_type, t.source_ip, t.user_agent, t.error_code, t.resource, t.matches,"
                + " p.account_id, p.region, CASE WHEN t.raw_record IS NULL THEN 0 ELSE 1 END AS has_raw"
                + " FROM det_ct_match t" + Analytics.ACTIVE
                + " WHERE t.event_time >= ? AND t.event_time < ?"
                + " ORDER BY t.event_time, has_raw DESC, t.id", rs -> {
                    String ruleId = rs.getString(2);
                    String eventId = rs.getString(4);
                    // A record delivered twice has the same eventID, name and time: count it once.
                    if (eventId != null && !seenEventIds.computeIfAbsent(ruleId, r -> new HashSet<>())
                            .add(eventId + "\n" + rs.getString(6) + "\n" + rs.getString(3))) {
                        return;
                    }
                    String region = rs.getString(7);
                    byRule.computeIfAbsent(ruleId, r -> new ArrayList<>()).add(new Match(rs.getLong(1), ruleId,
                            rs.getObject(3, LocalDateTime.class), eventId, rs.getString(5), rs.getString(6),
                            region != null ? region : rs.getString(16), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getLong(14),
                            rs.getString(15), rs.getInt(17) == 1));
                }, from, to);
        return byRule;
    }

    private List<Finding> perWindow(Rule rule, List<Match> matches, DetectionWindow window) {
        Duration w = rule.dedup().window();
        Map<List<Object>, List<Match>> groups = new LinkedHashMap<>();
        for (Match m : matches) {
            LocalDateTime bucket = window.bucketStart(m.time(), w);
            if (!window.contains(window.dayOf(bucket))) {
                continue;
            }
            List<Object> key = new ArrayList<>();
            rule.dedup().by().forEach(k -> key.add(m.value(k)));
            key.add(bucket);
            if (w.isZero()) {
                key.add(m.eventId() != null ? m.eventId() : "#" + m.id());
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        List<Finding> findings = new ArrayList<>();
        groups.forEach((key, group) -> {
            LocalDateTime bucket = (LocalDateTime) key.get(rule.dedup().by().size());
            findings.add(build(rule, group, window.dayOf(bucket), key, null));
        });
        return findings;
    }

    private List<Finding> thresholded(Rule rule, List<Match> matches, DetectionWindow window) {
        Threshold t = rule.threshold();
        Map<List<String>, List<Match>> groups = new LinkedHashMap<>();
        for (Match m : matches) {
            List<String> key = new ArrayList<>();
            t.by().forEach(k -> key.add(m.value(k)));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        List<Finding> findings = new ArrayList<>();
        groups.forEach((key, group) -> {
            // group is in time order (the query sorts by event_time)
            Map<LocalDateTime, List<Match>> byBucket = new LinkedHashMap<>();
            for (int[] episode : episodes(group, t)) {
                LocalDateTime bucket = window.bucketStart(group.get(episode[0]).time(), rule.dedup().window());
                if (!window.contains(window.dayOf(bucket))) {
                    continue;
                }
                byBucket.computeIfAbsent(bucket, b -> new ArrayList<>()).addAll(group.subList(episode[0], episode[1] + 1));
            }
            byBucket.forEach((bucket, events) -> {
                List<Object> identity = new ArrayList<>(key);
                identity.add(bucket);
                findings.add(build(rule, events, window.dayOf(bucket), identity, t));
            });
        });
        return findings;
    }

    /** Index ranges [first, last] of the episodes: maximal runs of overlapping windows holding ≥ count matches. */
    static List<int[]> episodes(List<Match> group, Threshold t) {
        List<int[]> episodes = new ArrayList<>();
        long sum = 0;
        int start = 0;
        int[] current = null;
        for (int j = 0; j < group.size(); j++) {
            sum += group.get(j).matches();
            while (!group.get(j).time().isBefore(group.get(start).time().plus(t.window()))) {
                sum -= group.get(start).matches();
                start++;
            }
            if (sum >= t.count()) {
                if (current != null && start <= current[1]) {
                    current[1] = j;
                } else {
                    current = new int[] {start, j};
                    episodes.add(current);
                }
            }
        }
        return episodes;
    }

    private Finding build(Rule rule, List<Match> events, LocalDate day, List<Object> identity, Threshold threshold) {
        long total = events.stream().mapToLong(Match::matches).sum();
        Map<String, Long> names = new LinkedHashMap<>();
        Map<String, Long> errors = new LinkedHashMap<>();
        for (Match m : events) {
            names.merge(m.eventName() == null ? "-" : m.eventName(), m.matches(), Long::sum);
            if (m.errorCode() != null) {
                errors.merge(m.errorCode(), m.matches(), Long::sum);
            }
        }
        List<String> principals = events.stream().map(Match::principal).toList();
        List<String> sourceIps = events.stream().map(Match::sourceIp).toList();
        String principal = Texts.distinct(principals, 3);
        String sourceIp = Texts.distinct(sourceIps, 3);
        String eventNames = Texts.counts(names, 5);

        Evidence evidence = new Evidence("records").put("rule", rule.id()).put("matches", total)
                .put("event_names", names).put("principals", distinctList(principals, 20))
                .put("source_ips", distinctList(sourceIps, 20)).put("user_agents", distinctList(
                        events.stream().map(Match::userAgent).toList(), 5));
        if (!errors.isEmpty()) {
            evidence.put("error_codes", errors);
        }
        if (threshold != null) {
            evidence.put("threshold", Map.of("count", threshold.count(), "window", threshold.window().toString()));
        }
        evidence.put("event_ids", distinctList(events.stream().map(Match::eventId).toList(), 50));
        for (String raw : rawRecords(events)) {
            evidence.addRecord(raw);
        }

        StringBuilder summary = new StringBuilder();
        if (threshold != null) {
            summary.append(Texts.duration(threshold.window())).append("以内に").append(total).append("回（しきい値")
                    .append(threshold.count()).append("回）: ");
        }
        summary.append(eventNames);
        List<String> details = new ArrayList<>();
        if (principal != null) {
            details.add("実行者 " + principal);
        }
        if (sourceIp != null) {
            details.add("送信元 " + sourceIp);
        }
        if (!errors.isEmpty()) {
            details.add("エラー " + Texts.counts(errors, 3));
        }
        if (!details.isEmpty()) {
            summary.append("（").append(String.join("、", details)).append("）");
        }
        Match first = events.get(0);
        return new FindingDraft(rule, NAME, day, identity.toArray())
                .times(first.time(), events.get(events.size() - 1).time())
                .where(first.account(), Texts.distinct(events.stream().map(Match::region).toList(), 3))
                .who(principal, sourceIp)
                .resource(Texts.distinct(events.stream().map(Match::resource).toList(), 3))
                .eventNames(eventNames)
                .summary(summary.toString())
                .evidence(evidence.toString())
                .matches(total)
                .build();
    }

    private List<String> rawRecords(List<Match> events) {
        List<Long> ids = events.stream().filter(Match::hasRaw).limit(evidenceRecords).map(Match::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> raw = new HashMap<>();
        jdbc.query("SELECT id, raw_record FROM det_ct_match WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                rs -> {
                    raw.put(rs.getLong(1), rs.getString(2));
                }, ids.toArray());
        return ids.stream().map(raw::get).toList();
    }

    private static List<String> distinctList(List<String> values, int limit) {
        return values.stream().filter(v -> v != null).distinct().limit(limit).toList();
    }
}
