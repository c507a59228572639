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
        List<HourlyActivity.Row> activity = HourlyActivity.load(jdbc, start, window.toUtc());
        Map<String, Map<String, TreeMap<LocalDateTime, long[]>>> sums = new HashMap<>();
        Map<String, TreeSet<LocalDateTime>> active = new HashMap<>();
        Map<List<Object>, List<HourlyActivity.Row>> byHour = new HashMap<>();
        for (HourlyActivity.Row row : activity) {
            String source = row.eventSource() == null ? "-" : row.eventSource();
            long[] s = sums.computeIfAbsent(row.account(), a -> new HashMap<>())
                    .computeIfAbsent(source, x -> new TreeMap<>()).computeIfAbsent(row.hour(), h -> new long[3]);
            if (Boolean.FALSE.equals(row.readOnly())) {
                s[0] += row.events();
            }
            s[1] += row.events();
            if (row.errorCode() != null) {
                s[2] += row.events();
            }
            active.computeIfAbsent(row.account(), a -> new TreeSet<>()).add(row.hour());
            if (!row.hour().isBefore(window.fromUtc())) {
                byHour.computeIfAbsent(List.of(row.account(), source, row.hour()), k -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Map<String, TreeMap<LocalDateTime, Hour>>> series = new HashMap<>();
        sums.forEach((account, sources) -> sources.forEach((source, hours) -> hours.forEach((hour, s) ->
                series.computeIfAbsent(account, a -> new HashMap<>()).computeIfAbsent(source, x -> new TreeMap<>())
                        .put(hour, new Hour(s[0], s[1], s[2])))));

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
                            findings.add(finding(rule, day, account, source, flagged, peak, calls,
                                    historyDays.size(), false, byHour));
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
                            findings.add(finding(rule, day, account, source, flagged, peak, errors,
                                    historyDays.size(), true, byHour));
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

    /** {@code rowsAtHour}: the rows of the run's days by (account, source, hour), for the peak hour's evidence. */
    private Finding finding(Rule rule, LocalDate day, String account, String source,
            Map<LocalDateTime, Double> flagged, LocalDateTime peak, Stats baseline, int historyDays, boolean errors,
            Map<List<Object>, List<HourlyActivity.Row>> rowsAtHour) {
        List<Map<String, Object>> top = new ArrayList<>();
        Map<String, Long> names = new LinkedHashMap<>();
        Map<String, Long> principals = new LinkedHashMap<>();
        Map<String, Long> codes = new LinkedHashMap<>();
        Map<List<String>, Long> grouped = new HashMap<>();
        for (HourlyActivity.Row row : rowsAtHour.getOrDefault(List.of(account, source, peak), List.of())) {
            boolean counted = errors ? row.errorCode() != null : Boolean.FALSE.equals(row.readOnly());
            if (counted) {
                grouped.merge(java.util.Arrays.asList(row.eventName(), row.principal(), row.errorCode()), row.events(),
                        Long::sum);
            }
        }
        grouped.entrySet().stream().sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed()).forEach(e -> {
            long events = e.getValue();
            names.merge(String.valueOf(e.getKey().get(0)), events, Long::sum);
            principals.merge(String.valueOf(e.getKey().get(1)), events, Long::sum);
            if (e.getKey().get(2) != null) {
                codes.merge(e.getKey().get(2), events, Long::sum);
            }
            if (top.size() < 10) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("event_name", e.getKey().get(0));
                row.put("principal", e.getKey().get(1));
                row.put("error_code", e.getKey().get(2));
                row.put("events", events);
                top.add(row);
            }
        });
        double value = flagged.get(peak);
        Evidence evidence = new Evidence("statistic")
                .put("metric", errors ? "error_rate_per_hour" : "write_calls_per_hour")
                .put("account", account).put("event_source", source)
                .put("peak_hour_utc", peak.toString()).put("value", Evidence.round(value))
                .put("baseline", Evidence.baseline(baseline, historyDays))
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
