package jp.govcloudops.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The month-end forecast (docs/cost.md, "Forecast"): the run-rate of the last complete days.
 *
 * <p>A day is complete when the export can no longer change it much. Exports are refreshed during the day, so the
 * latest day with usage is taken as incomplete; once the export has been delivered {@code closedAfter} past the end
 * of the month, every day of the month is complete. With E the first incomplete day, k = min(window, complete days)
 * and R the days of the month from E on:
 *
 * <pre>
 * forecast = (billed cost of days before E) + (charges spanning more than a day, whenever dated)
 *          + (usage billed cost of the k days before E) / k × R
 * </pre>
 *
 * rounded to 6 decimals; none while no day is complete; once every day is, the month's billed cost itself. The same numbers are kept per load in cost_period so the
 * cost_month view computes the identical figure in SQL.
 */
public final class MonthForecast {

    public static final int SCALE = 6;

    /**
     * How far a billing period is complete, and the window the forecast averages.
     *
     * @param completeThrough the first day that is not complete (E)
     */
    public record Window(YearMonth month, LocalDate completeThrough, int completeDays, LocalDate windowStart,
            int windowDays, int remainingDays) {

        public LocalDate monthStart() {
            return month.atDay(1);
        }

        public int monthDays() {
            return month.lengthOfMonth();
        }

        public boolean hasForecast() {
            return completeDays > 0;
        }

        /** The window as it stood at the end of day {@code asOf}: days after it are not yet complete. */
        public Window asOf(LocalDate asOf, int windowLength) {
            LocalDate end = asOf.plusDays(1);
            return end.isBefore(completeThrough) ? of(month, end, windowLength) : this;
        }

        /** forecast = complete + windowUsage / windowDays × remainingDays, or null without a complete day. */
        public BigDecimal forecast(BigDecimal complete, BigDecimal windowUsage) {
            if (!hasForecast()) {
                return null;
            }
            if (remainingDays == 0) {
                return complete;
            }
            BigDecimal extrapolated = windowUsage.multiply(BigDecimal.valueOf(remainingDays))
                    .divide(BigDecimal.valueOf(windowDays), 18, RoundingMode.HALF_UP);
            return complete.add(extrapolated).setScale(SCALE, RoundingMode.HALF_UP);
        }
    }

    private MonthForecast() {
    }

    /**
     * @param lastUsageDay the latest day with usage (charges of a day or less) in the period's data, or null
     * @param deliveredAt  when the export's newest file was written
     */
    public static Window window(YearMonth month, LocalDate lastUsageDay, Instant deliveredAt, Duration closedAfter,
            int windowLength) {
        LocalDate start = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        boolean closed = deliveredAt != null
                && !deliveredAt.isBefore(next.atStartOfDay().toInstant(ZoneOffset.UTC).plus(closedAfter));
        LocalDate end;
        if (closed) {
            end = next;
        } else if (lastUsageDay == null || lastUsageDay.isBefore(start)) {
            end = start;
        } else {
            end = lastUsageDay.isAfter(next) ? next : lastUsageDay;
        }
        return of(month, end, windowLength);
    }

    public static Window of(YearMonth month, LocalDate completeThrough, int windowLength) {
        int complete = (int) ChronoUnit.DAYS.between(month.atDay(1), completeThrough);
        int window = Math.min(windowLength, complete);
        return new Window(month, completeThrough, complete, completeThrough.minusDays(window), window,
                month.lengthOfMonth() - complete);
    }
}
