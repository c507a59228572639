package jp.govcloudops.cost.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.govcloudops.cost.MonthForecast;
import jp.govcloudops.cost.store.CostQueries;

/**
 * An account's month as of a day: month-to-date billed cost, the forecast, the cost per service and per day. All
 * amounts in the account's currency; days are UTC cost days.
 *
 * @param window   how far the month is complete as of {@code asOf}, or null without data
 * @param forecast the month-end forecast, or null while no day is complete
 */
public record AccountMonth(YearMonth month, LocalDate asOf, BigDecimal monthToDate, MonthForecast.Window window,
        BigDecimal forecast, Map<String, BigDecimal> byService, Map<String, BigDecimal> lastDaysByService,
        Map<LocalDate, BigDecimal> byDay, int lastDays) {

    public boolean hasData() {
        return !byDay.isEmpty();
    }

    public static AccountMonth of(YearMonth month, LocalDate asOf, List<CostQueries.DayCost> rows,
            MonthForecast.Window window, int lastDays) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal complete = BigDecimal.ZERO;
        BigDecimal windowUsage = BigDecimal.ZERO;
        Map<String, BigDecimal> services = new LinkedHashMap<>();
        Map<String, BigDecimal> recent = new LinkedHashMap<>();
        Map<LocalDate, BigDecimal> days = new TreeMap<>();
        LocalDate recentFrom = asOf.minusDays(lastDays - 1L);
        for (CostQueries.DayCost row : rows) {
            total = total.add(row.billedCost());
            services.merge(row.service(), row.billedCost(), BigDecimal::add);
            days.merge(row.day(), row.billedCost(), BigDecimal::add);
            if (!row.day().isBefore(recentFrom)) {
                recent.merge(row.service(), row.billedCost(), BigDecimal::add);
            }
            if (window != null) {
                if (row.periodCharge() || row.day().isBefore(window.completeThrough())) {
                    complete = complete.add(row.billedCost());
                }
                if (!row.periodCharge() && !row.day().isBefore(window.windowStart())
                        && row.day().isBefore(window.completeThrough())) {
                    windowUsage = windowUsage.add(row.billedCost());
                }
            }
        }
        BigDecimal forecast = window == null ? null : window.forecast(complete, windowUsage);
        return new AccountMonth(month, asOf, total, window, forecast, sortedByCost(services), recent, days, lastDays);
    }

    private static Map<String, BigDecimal> sortedByCost(Map<String, BigDecimal> costs) {
        List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(costs.entrySet());
        entries.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, BigDecimal> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
