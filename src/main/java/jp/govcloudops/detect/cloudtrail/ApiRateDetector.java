package jp.govcloudops.detect.cloudtrail;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
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
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * CloudTrail Insights-style rates from the hourly aggregates (ct_hourly): per account and event source, the write
 * calls per hour and the error rate per hour of each day, against the same hours of the past {@code history-days}.
 * The baseline counts every hour in which the account logged anything, with zero for a source that was silent,
 * and needs {@code min-history-days} days of data. One finding per account, source and day, at its peak hour.
 */
@Component
public class ApiRateDetector extends Analytics {

    public static final String CALL_RATE = "api-call-rate-anomaly";
    public static final String ERROR_RATE = "api-error-rate-anomaly";

    private final DetectionProperties.Baseline settings;
    private final BaselineStore baselines;

    public ApiRateDetector(JdbcTemplate jdbc, RuleCatalog catalog, DetectionProperties properties,
            BaselineStore baselines) {
        super(jdbc, catalog, CALL_RATE, ERROR_RATE);
        this.settings = properties.baseline();
        this.baselines = baselines;
    }

    @Override
    public String name() {
        return "api-rate";
    }

    /** writes, calls, errors in one hour. */
    private record Hour(long writes, long calls, long errors) {
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        LocalDateTime start = window.fromUtc().minusDays(settings.historyDays());
        Map<String, Map<String, TreeMap<LocalDateTime, Hour>>> series = new HashMap<>();
        Map<String, TreeSet<LocalDateTime>> active = new HashMap<>();
        jdbc.query("SELECT p.account_id, t.event_source, t.event_hour,"
                + " SUM(CASE WHEN t.read_only = FALSE THEN t.events ELSE 0 END),"
                + " SUM(t.events), SUM(CASE WHEN t.error_code IS NOT NULL THEN t.events ELSE 0 END)"
                + " FROM ct_hourly t" + ACTIVE + " AND p.log_type = 'cloudtrail'"
                + " WHERE t.event_hour >= ? AND t.event_hour < ?"
                + " GROUP BY p.account_id, t.event_source, t.event_hour", rs -> {
                    String account = rs.getString(1);
                    String source = rs.getString(2) == null ? "-" : rs.getString(2);
                    LocalDateTime hour = time(rs, 3);
                    series.computeIfAbsent(account, a -> new HashMap<>())
                            .computeIfAbsent(source, s -> new TreeMap<>())
                            .put(hour, new Hour(rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                    active.computeIfAbsent(account, a -> new TreeSet<>()).add(hour);
                }, start, window.toUtc());

        Optional<Rule> callRule = rule(CALL_RATE);
        Optional<Rule> errorRule = rule(ERROR_RATE);
        List<Finding> findings = new ArrayList<>();
        List<BaselineStore.Row> rows = new ArrayList<>();
        for (LocalDate day : window.days()) {
            LocalDateTime dayStart = window.startUtc(day);
            LocalDateTime dayEnd = window.startUtc(day.plusDays(1));
            LocalDateTime historyStart = dayStart.minusDays(settings.historyDays());
            for (var accountEntry : series.entrySet()) {
                String account = accountEntry.getKey();
                NavigableSet<LocalDateTime> history = active.get(account).subSet(historyStart, true, dayStart, false);
                Set<LocalDate> historyDays = new HashSet<>();
                history.forEach(h -> historyDays.add(window.dayOf(h)));
                if (historyDays.size() < settings.minHistoryDays()) {
                    continue;
                }
                for (var sourceEntry : accountEntry.getValue().entrySet()) {
                    String source = sourceEntry.getKey();
                    TreeMap<LocalDateTime, Hour> hours = sourceEntry.getValue();
                    Map<LocalDateTime, Hour> today = hours.subMap(dayStart, true, dayEnd, false);
                    if (today.isEmpty()) {
                        continue;
                    }
                    double[] values = new double[history.size()];
                    double[] rates = new double[history.size()];
                    int n = 0;
                    int r = 0;
                    for (LocalDateTime h : history) {
                        Hour v = hours.get(h);
                        values[n++] = v == null ? 0 : v.writes();
                        if (v != null && v.calls() > 0) {
                            rates[r++] = v.errors() / (double) v.calls();
                        }
                    }
                    Stats calls = Stats.of(values, n);
                    Stats errors = Stats.of(rates, r);
                    callRule.ifPresent(rule -> {
                        Map<LocalDateTime, Double> flagged = new LinkedHashMap<>();
                        today.forEach((h, v) -> {
                            if (v.writes() >= settings.minCalls() && calls.above(v.writes(), settings.sigma(), 1.0)) {
                                flagged.put(h, (double) v.writes());
                            }
                        });
                        LocalDateTime peak = peak(flagged);
                        rows.add(new BaselineStore.Row(day, CALL_RATE, account, source, calls, historyDays.size(),
                                peak, peak == null ? null : flagged.get(peak)));
                        if (peak != null) {
                            findings.add(finding(rule, window, day, account, source, flagged, peak, calls,
                                    historyDays.size(), false));
                        }
                    });
                    errorRule.ifPresent(rule -> {
                        Map<LocalDateTime, Double> flagged = new LinkedHashMap<>();
                        today.forEach((h, v) -> {
                            double rate = v.calls() == 0 ? 0 : v.errors() / (double) v.calls();
                            if (v.errors() >= settings.minErrors() && rate >= settings.minErrorRate()
                                    && errors.above(rate, settings.sigma(), 0.02)) {
                                flagged.put(h, rate);
                            }
                        });
                        LocalDateTime peak = peak(flagged);
                        rows.add(new BaselineStore.Row(day, ERROR_RATE, account, source, errors, historyDays.size(),
                                peak, peak == null ? null : flagged.get(peak)));
                        if (peak != null) {
                            findings.add(finding(rule, window, day, account, source, flagged, peak, errors,
                                    historyDays.size(), true));
                        }
                    });
                }
            }
        }
        baselines.replace(window, List.of(CALL_RATE, ERROR_RATE), rows);
        return findings;
    }

    private static LocalDateTime peak(Map<LocalDateTime, Double> flagged) {
        return flagged.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private Finding finding(Rule rule, DetectionWindow window, LocalDate day, String account, String source,
            Map<LocalDateTime, Double> flagged, LocalDateTime peak, Stats baseline, int historyDays, boolean errors) {
        List<Map<String, Object>> top = new ArrayList<>();
        Map<String, Long> names = new LinkedHashMap<>();
        Map<String, Long> principals = new LinkedHashMap<>();
        Map<String, Long> codes = new LinkedHashMap<>();
        jdbc.query("SELECT t.event_name, t.principal, t.error_code, SUM(t.events) FROM ct_hourly t" + ACTIVE
                + " WHERE p.account_id = ? AND t.event_source = ? AND t.event_hour = ?"
                + (errors ? " AND t.error_code IS NOT NULL" : " AND t.read_only = FALSE")
                + " GROUP BY t.event_name, t.principal, t.error_code ORDER BY 4 DESC", rs -> {
                    long events = rs.getLong(4);
                    names.merge(String.valueOf(rs.getString(1)), events, Long::sum);
                    principals.merge(String.valueOf(rs.getString(2)), events, Long::sum);
                    if (rs.getString(3) != null) {
                        codes.merge(rs.getString(3), events, Long::sum);
                    }
                    if (top.size() < 10) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("event_name", rs.getString(1));
                        row.put("principal", rs.getString(2));
                        row.put("error_code", rs.getString(3));
                        row.put("events", events);
                        top.add(row);
                    }
                }, account, source.equals("-") ? null : source, peak);
        double value = flagged.get(peak);
        Evidence evidence = new Evidence("statistic")
                .put("metric", errors ? "error_rate_per_hour" : "write_calls_per_hour")
                .put("account", account).put("event_source", source)
                .put("peak_hour_utc", peak.toString()).put("value", Evidence.round(value))
                .put("baseline", new Evidence("x").baseline(baseline, historyDays))
                .put("unusual_hours", flagged.entrySet().stream().map(e -> Map.of("hour_utc", e.getKey().toString(),
                        "value", Evidence.round(e.getValue()))).toList())
                .put("top_at_peak", top);
        if (!codes.isEmpty()) {
            evidence.put("error_codes", codes);
        }
        String shown = errors ? String.format("%.0f%%", value * 100) : String.format("%.0f回", value);
        String mean = errors ? String.format("%.1f%%", baseline.mean() * 100) : String.format("%.1f回", baseline.mean());
        String sd = errors ? String.format("%.1f%%", baseline.stddev() * 100) : String.format("%.1f", baseline.stddev());
        String summary = source + (errors ? " のエラー率が 1 時間で " : " の書き込み系 API が 1 時間に ") + shown
                + "（過去" + historyDays + "日の平均 " + mean + "、σ " + sd + "、ピーク " + FindingMails.jst(peak)
                + (codes.isEmpty() ? "" : "、" + Texts.counts(codes, 3)) + "）";
        String topPrincipal = principals.isEmpty() ? null
                : Texts.distinct(principals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue()
                        .reversed()).map(Map.Entry::getKey).toList(), 2);
        LocalDateTime last = flagged.keySet().stream().max(LocalDateTime::compareTo).orElse(peak);
        LocalDateTime first = flagged.keySet().stream().min(LocalDateTime::compareTo).orElse(peak);
        return new FindingDraft(rule, name(), day, account, source)
                .times(first, last.plusMinutes(59))
                .where(account, null)
                .who(topPrincipal, null)
                .resource(source)
                .eventNames(names.isEmpty() ? source : Texts.counts(names, 5))
                .summary(summary)
                .evidence(evidence.toString())
                .matches(Math.round(errors ? names.values().stream().mapToLong(Long::longValue).sum() : value))
                .build();
    }
}
