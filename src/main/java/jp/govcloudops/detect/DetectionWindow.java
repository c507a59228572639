package jp.govcloudops.detect;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The days (in the store's zone, a whole-hour offset from UTC) whose findings a run derives, with conversions
 * between those days and UTC store timestamps.
 */
public record DetectionWindow(LocalDate from, LocalDate to, int offsetHours) {

    public DetectionWindow {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("detection range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** UTC start of a store-zone day. */
    public LocalDateTime startUtc(LocalDate day) {
        return day.atStartOfDay().minusHours(offsetHours);
    }

    public LocalDateTime fromUtc() {
        return startUtc(from);
    }

    /** UTC end (exclusive) of the last day. */
    public LocalDateTime toUtc() {
        return startUtc(to.plusDays(1));
    }

    public LocalDate dayOf(LocalDateTime utc) {
        return utc.plusHours(offsetHours).toLocalDate();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /**
     * Start (UTC) of the fixed window of length {@code window} that holds {@code utc}; windows divide the store-zone
     * day evenly, so a window never spans two days.
     */
    public LocalDateTime bucketStart(LocalDateTime utc, Duration window) {
        LocalDateTime dayStart = startUtc(dayOf(utc));
        if (window.isZero()) {
            return utc;
        }
        long seconds = Duration.between(dayStart, utc).toSeconds();
        return dayStart.plusSeconds(seconds - Math.floorMod(seconds, window.toSeconds()));
    }

    public java.util.List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
