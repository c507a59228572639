package jp.govcloudops.detect.cloudtrail;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
 * types configured), a region, or a write API of a principal (of the identity types configured) that did not occur
 * in the account during the {@code history-days} before the day. An account needs {@code min-history-days} days of
 * data first, so a new installation does not report everything as new. AWS services acting for themselves are not
 * terms.
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

    /** A term's occurrences on one day: when, how often, by whom, doing what. */
    private static final class Seen {
        LocalDateTime first;
        LocalDateTime last;
        long events;
        final Map<String, Long> principals = new LinkedHashMap<>();
        final Map<String, Long> names = new LinkedHashMap<>();
        final Set<String> sourceIps = new HashSet<>();

        void add(HourlyActivity.Row row) {
            first = first == null || row.hour().isBefore(first) ? row.hour() : first;
            last = last == null || row.hour().isAfter(last) ? row.hour() : last;
            events += row.events();
            principals.merge(String.valueOf(row.principal()), row.events(), Long::sum);
            names.merge(row.eventSource() + ":" + row.eventName(), row.events(), Long::sum);
            if (row.sourceIp() != null) {
                sourceIps.add(row.sourceIp());
            }
        }
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        List<String> enabled = ruleIds();
        if (enabled.isEmpty()) {
            return List.of();
        }
        LocalDateTime start = window.fromUtc().minusDays(settings.historyDays());
        // account -> days with data; rule -> account -> term -> day -> occurrences
        Map<String, Set<LocalDate>> accountDays = new HashMap<>();
        Map<String, Map<String, Map<String, TreeMap<LocalDate, Seen>>>> terms = new HashMap<>();
        for (HourlyActivity.Row row : HourlyActivity.load(jdbc, start, window.toUtc())) {
            LocalDate day = window.dayOf(row.hour());
            accountDays.computeIfAbsent(row.account(), a -> new HashSet<>()).add(day);
            if (row.isService()) {
                continue;
            }
            for (String ruleId : enabled) {
                String term = term(ruleId, row);
                if (term != null) {
                    terms.computeIfAbsent(ruleId, r -> new HashMap<>()).computeIfAbsent(row.account(), a -> new HashMap<>())
                            .computeIfAbsent(term, t -> new TreeMap<>()).computeIfAbsent(day, d -> new Seen()).add(row);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (LocalDate day : window.days()) {
            LocalDate historyStart = day.minusDays(settings.historyDays());
            for (String ruleId : enabled) {
                Rule rule = rule(ruleId).orElseThrow();
                terms.getOrDefault(ruleId, Map.of()).forEach((account, byTerm) -> {
                    int days = (int) accountDays.getOrDefault(account, Set.of()).stream()
                            .filter(d -> !d.isBefore(historyStart) && d.isBefore(day)).count();
                    if (days < settings.minHistoryDays()) {
                        return;
                    }
                    Map<String, Seen> fresh = new TreeMap<>();
                    byTerm.forEach((term, occurrences) -> {
                        Seen today = occurrences.get(day);
                        if (today != null && occurrences.subMap(historyStart, true, day, false).isEmpty()) {
                            fresh.put(term, today);
                        }
                    });
                    if (ruleId.equals(API)) {
                        findings.addAll(apiFindings(rule, day, account, fresh, days));
                    } else {
                        fresh.forEach((term, seen) -> findings.add(finding(rule, day, account, term, seen, days)));
                    }
                });
            }
        }
        return findings;
    }

    private String term(String ruleId, HourlyActivity.Row row) {
        return switch (ruleId) {
            case PRINCIPAL -> row.principal();
            case SOURCE_IP -> row.sourceIp() != null && settings.sourceIpIdentityTypes().contains(row.identityType())
                    && isIp(row.sourceIp()) ? row.sourceIp() : null;
            case REGION -> row.region();
            default -> row.principal() != null && row.errorCode() == null
                    && settings.apiIdentityTypes().contains(row.identityType())
                    && (!settings.writeApisOnly() || Boolean.FALSE.equals(row.readOnly()))
                    ? row.principal() + " " + row.eventSource() + ":" + row.eventName() : null;
        };
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
            return jp.govcloudops.format.IpV4.isValid(jp.govcloudops.format.IpV4.parse(text));
        }
        return text.indexOf(':') >= 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    }
}
