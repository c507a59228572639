package jp.govcloudops.detect.cloudtrail;

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
import java.util.TreeMap;

import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.Analytics;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Evidence;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingDraft;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.Texts;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * First-seen terms ("new terms") per account from the hourly aggregates: a principal, a source IP (of the identity
 * types configured), a region, or a write API of a principal that did not occur in the account during the
 * {@code history-days} before the day. An account needs {@code min-history-days} days of data first, so a new
 * installation does not report everything as new. AWS services acting for themselves are not terms.
 */
@Component
public class FirstSeenDetector extends Analytics {

    public static final String PRINCIPAL = "first-seen-principal";
    public static final String SOURCE_IP = "first-seen-source-ip";
    public static final String REGION = "first-seen-region";
    public static final String API = "first-seen-api-for-principal";

    private final DetectionProperties.FirstSeen settings;

    public FirstSeenDetector(JdbcTemplate jdbc, RuleCatalog catalog, DetectionProperties properties) {
        super(jdbc, catalog, PRINCIPAL, SOURCE_IP, REGION, API);
        this.settings = properties.firstSeen();
    }

    @Override
    public String name() {
        return "first-seen";
    }

    /** One occurrence of a term in a range: the principal behind it, when, how often, doing what. */
    private static final class Seen {
        LocalDateTime first;
        LocalDateTime last;
        long events;
        final Map<String, Long> principals = new LinkedHashMap<>();
        final Map<String, Long> names = new LinkedHashMap<>();
        final Set<String> sourceIps = new HashSet<>();
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        List<Finding> findings = new ArrayList<>();
        for (LocalDate day : window.days()) {
            LocalDateTime dayStart = window.startUtc(day);
            LocalDateTime dayEnd = window.startUtc(day.plusDays(1));
            LocalDateTime historyStart = dayStart.minusDays(settings.historyDays());
            Map<String, Integer> historyDays = historyDays(window, historyStart, dayStart);
            for (String ruleId : ruleIds()) {
                Rule rule = rule(ruleId).orElseThrow();
                Map<String, Map<String, Seen>> today = terms(ruleId, dayStart, dayEnd);
                if (today.isEmpty()) {
                    continue;
                }
                Map<String, Map<String, Seen>> before = terms(ruleId, historyStart, dayStart);
                for (var account : today.entrySet()) {
                    int days = historyDays.getOrDefault(account.getKey(), 0);
                    if (days < settings.minHistoryDays()) {
                        continue;
                    }
                    Set<String> known = before.getOrDefault(account.getKey(), Map.of()).keySet();
                    Map<String, Seen> fresh = new TreeMap<>();
                    account.getValue().forEach((term, seen) -> {
                        if (!known.contains(term)) {
                            fresh.put(term, seen);
                        }
                    });
                    if (ruleId.equals(API)) {
                        findings.addAll(apiFindings(rule, day, account.getKey(), fresh, days));
                    } else {
                        fresh.forEach((term, seen) -> findings.add(finding(rule, day, account.getKey(), term, seen, days)));
                    }
                }
            }
        }
        return findings;
    }

    /** Days with CloudTrail data per account in [from, to). */
    private Map<String, Integer> historyDays(DetectionWindow window, LocalDateTime from, LocalDateTime to) {
        Map<String, Set<LocalDate>> days = new HashMap<>();
        jdbc.query("SELECT DISTINCT p.account_id, t.event_hour FROM ct_hourly t" + ACTIVE
                + " AND p.log_type = 'cloudtrail' WHERE t.event_hour >= ? AND t.event_hour < ?",
                rs -> {
                    days.computeIfAbsent(rs.getString(1), a -> new HashSet<>()).add(window.dayOf(time(rs, 2)));
                }, from, to);
        Map<String, Integer> counts = new HashMap<>();
        days.forEach((a, d) -> counts.put(a, d.size()));
        return counts;
    }

    private Map<String, Map<String, Seen>> terms(String ruleId, LocalDateTime from, LocalDateTime to) {
        String filter = switch (ruleId) {
            case PRINCIPAL -> " AND t.principal IS NOT NULL";
            case SOURCE_IP -> " AND t.source_ip IS NOT NULL AND t.identity_type IN ("
                    + String.join(", ", Collections.nCopies(Math.max(1, settings.sourceIpIdentityTypes().size()), "?"))
                    + ")";
            case REGION -> " AND t.event_region IS NOT NULL";
            default -> " AND t.principal IS NOT NULL AND t.error_code IS NULL"
                    + (settings.writeApisOnly() ? " AND t.read_only = FALSE" : "");
        };
        List<Object> args = new ArrayList<>(List.of(from, to));
        if (ruleId.equals(SOURCE_IP)) {
            args.addAll(settings.sourceIpIdentityTypes().isEmpty() ? List.of("") : settings.sourceIpIdentityTypes());
        }
        Map<String, Map<String, Seen>> terms = new HashMap<>();
        jdbc.query("SELECT p.account_id, t.principal, t.source_ip, t.event_region, t.event_source, t.event_name,"
                + " MIN(t.event_hour), MAX(t.event_hour), SUM(t.events) FROM ct_hourly t" + ACTIVE
                + " AND p.log_type = 'cloudtrail'"
                + " WHERE t.event_hour >= ? AND t.event_hour < ?"
                + " AND (t.identity_type IS NULL OR t.identity_type <> 'AWSService')" + filter
                + " GROUP BY p.account_id, t.principal, t.source_ip, t.event_region, t.event_source, t.event_name",
                rs -> {
                    String principal = rs.getString(2);
                    String sourceIp = rs.getString(3);
                    String term = switch (ruleId) {
                        case PRINCIPAL -> principal;
                        case SOURCE_IP -> isIp(sourceIp) ? sourceIp : null;
                        case REGION -> rs.getString(4);
                        default -> principal + " " + rs.getString(5) + ":" + rs.getString(6);
                    };
                    if (term == null) {
                        return;
                    }
                    Seen seen = terms.computeIfAbsent(rs.getString(1), a -> new HashMap<>())
                            .computeIfAbsent(term, t -> new Seen());
                    LocalDateTime first = time(rs, 7);
                    LocalDateTime last = time(rs, 8);
                    seen.first = seen.first == null || first.isBefore(seen.first) ? first : seen.first;
                    seen.last = seen.last == null || last.isAfter(seen.last) ? last : seen.last;
                    long events = rs.getLong(9);
                    seen.events += events;
                    seen.principals.merge(String.valueOf(principal), events, Long::sum);
                    seen.names.merge(rs.getString(5) + ":" + rs.getString(6), events, Long::sum);
                    if (sourceIp != null) {
                        seen.sourceIps.add(sourceIp);
                    }
                }, args.toArray());
        return terms;
    }

    private Finding finding(Rule rule, LocalDate day, String account, String term, Seen seen, int historyDays) {
        String label = switch (rule.id()) {
            case PRINCIPAL -> "実行者 ";
            case SOURCE_IP -> "送信元 IP ";
            default -> "リージョン ";
        };
        Evidence evidence = new Evidence("first-seen").put("term_kind", rule.id()).put("term", term)
                .put("first_hour_utc", seen.first.toString()).put("events", seen.events)
                .put("history_days", settings.historyDays()).put("days_with_data", historyDays)
                .put("principals", seen.principals).put("event_names", top(seen.names, 10));
        String principal = Texts.distinct(seen.principals.keySet(), 2);
        return new FindingDraft(rule, name(), day, account, term)
                .times(seen.first, seen.last.plusMinutes(59))
                .where(account, rule.id().equals(REGION) ? term : null)
                .who(rule.id().equals(PRINCIPAL) ? term : principal,
                        rule.id().equals(SOURCE_IP) ? term : Texts.distinct(seen.sourceIps, 2))
                .eventNames(Texts.counts(seen.names, 5))
                .summary(label + term + " が過去" + settings.historyDays() + "日に現れず、" + FindingMails.jst(seen.first)
                        + " の時間帯に初めて現れた（当日 " + seen.events + " 件: " + Texts.counts(seen.names, 3) + "）")
                .evidence(evidence.toString())
                .matches(seen.events)
                .build();
    }

    /** One finding per principal and day, listing the APIs it used for the first time. */
    private List<Finding> apiFindings(Rule rule, LocalDate day, String account, Map<String, Seen> fresh,
            int historyDays) {
        Map<String, Map<String, Seen>> byPrincipal = new TreeMap<>();
        fresh.forEach((term, seen) -> {
            int space = term.indexOf(' ');
            byPrincipal.computeIfAbsent(term.substring(0, space), p -> new TreeMap<>()).put(term.substring(space + 1), seen);
        });
        List<Finding> findings = new ArrayList<>();
        byPrincipal.forEach((principal, apis) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            Set<String> ips = new HashSet<>();
            LocalDateTime first = null;
            LocalDateTime last = null;
            for (var e : apis.entrySet()) {
                counts.put(e.getKey(), e.getValue().events);
                ips.addAll(e.getValue().sourceIps);
                first = first == null || e.getValue().first.isBefore(first) ? e.getValue().first : first;
                last = last == null || e.getValue().last.isAfter(last) ? e.getValue().last : last;
            }
            Evidence evidence = new Evidence("first-seen").put("term_kind", rule.id()).put("principal", principal)
                    .put("new_apis", counts).put("history_days", settings.historyDays())
                    .put("days_with_data", historyDays);
            findings.add(new FindingDraft(rule, name(), day, account, principal)
                    .times(first, last.plusMinutes(59))
                    .where(account, null)
                    .who(principal, Texts.distinct(ips, 2))
                    .eventNames(Texts.counts(counts, 5))
                    .summary("実行者 " + principal + " が過去" + settings.historyDays() + "日に使っていなかった API を "
                            + counts.size() + " 種類使用: " + Texts.counts(counts, 5))
                    .evidence(evidence.toString())
                    .matches(counts.values().stream().mapToLong(Long::longValue).sum())
                    .build());
        });
        return findings;
    }

    private static Map<String, Long> top(Map<String, Long> counts, int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    static boolean isIp(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        boolean v4 = text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
        if (v4) {
            return jp.govcloudops.format.flowlog.IpV4.isValid(jp.govcloudops.format.flowlog.IpV4.parse(text));
        }
        return text.indexOf(':') >= 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    }
}
