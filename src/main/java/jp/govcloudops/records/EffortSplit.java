package jp.govcloudops.records;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Splits a piece of work into hours inside and outside 受付時間. With a start time the work is the interval
 * [start, start + hours), which may run past midnight; without one it is taken to lie inside the window on a
 * service day and outside it on any other day.
 */
public record EffortSplit(BigDecimal inside, BigDecimal outside) {

    public static EffortSplit of(ServiceWindow window, LocalDate day, LocalTime start, BigDecimal hours) {
        if (start == null) {
            return window.isServiceDay(day) ? new EffortSplit(hours, BigDecimal.ZERO.setScale(2))
                    : new EffortSplit(BigDecimal.ZERO.setScale(2), hours);
        }
        long totalMinutes = hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).longValue();
        LocalDateTime from = day.atTime(start);
        LocalDateTime to = from.plusMinutes(totalMinutes);
        long insideMinutes = 0;
        for (LocalDate d = day; !d.atStartOfDay().isAfter(to); d = d.plusDays(1)) {
            if (!window.isServiceDay(d)) {
                continue;
            }
            LocalDateTime open = d.atTime(window.opens());
            LocalDateTime close = d.atTime(window.closes());
            LocalDateTime a = from.isAfter(open) ? from : open;
            LocalDateTime b = to.isBefore(close) ? to : close;
            if (a.isBefore(b)) {
                insideMinutes += Duration.between(a, b).toMinutes();
            }
        }
        BigDecimal inside = BigDecimal.valueOf(insideMinutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        if (inside.compareTo(hours) > 0) {
            inside = hours;
        }
        return new EffortSplit(inside.setScale(2), hours.subtract(inside).setScale(2));
    }
}
