package jp.govcloudops.format;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Where in time the records of one object may plausibly lie: its folder date (the UTC date of the key's date
 * folders, {@code YYYY/MM/DD/} or {@code year=/month=/day=}, in every layout: org trails, Hive, per-hour; hour
 * folders and file-name stamps do not narrow it), widened by a window on both sides. Records are legitimately a
 * little off their folder date (a flow that started before midnight, CloudTrail delivering up to some 15 minutes
 * late, Insights events that close an insight opened earlier); a time days away is a time in milliseconds, a digit
 * short, or a placeholder such as 9999-12-31 or 1970-01-01, which would otherwise land on a day of its own. The
 * window is relative to the object's folder, never to today, so catch-up and reprocessing judge alike.
 */
public final class TimeWindow {

    /** No bound: for reading files that belong to no folder (tests, benchmarks). */
    public static final TimeWindow ANY = new TimeWindow(null, null, Long.MIN_VALUE, Long.MAX_VALUE);

    private final LocalDate folderDate;
    private final Duration window;
    private final long earliest;
    private final long latest;

    private TimeWindow(LocalDate folderDate, Duration window, long earliest, long latest) {
        this.folderDate = folderDate;
        this.window = window;
        this.earliest = earliest;
        this.latest = latest;
    }

    public static TimeWindow around(LocalDate folderDate, Duration window) {
        long dayStart = folderDate.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        return new TimeWindow(folderDate, window, dayStart - window.toSeconds(),
                dayStart + 86_399 + window.toSeconds());
    }

    /** The first plausible epoch second. */
    public long earliest() {
        return earliest;
    }

    /** The last plausible epoch second. */
    public long latest() {
        return latest;
    }

    public boolean contains(long epochSecond) {
        return epochSecond >= earliest && epochSecond <= latest;
    }

    /** Why {@code written}, the text of a time field, is outside the window. */
    public String outside(String field, String written) {
        return field + " '" + written + "' is more than " + describe(window) + " away from the folder date "
                + folderDate + " (govcloud.ingest.record-time-window)";
    }

    /**
     * Why a flow-log time in epoch seconds, in {@code field} ("field start", "column end"), is outside the window,
     * with the value as a date and a hint when its digits suggest another unit (13 digits: milliseconds) or a digit
     * lost (9 digits: a date in the 1970s).
     */
    public String outsideEpochSeconds(String field, long value) {
        int digits = Long.toString(value).length();
        String hint = switch (digits) {
            case 13 -> "; it has 13 digits and looks like milliseconds (" + instant(value / 1000) + ")";
            case 16 -> "; it has 16 digits and looks like microseconds (" + instant(value / 1_000_000) + ")";
            default -> digits < 10 ? "; it has " + digits + " digits, where epoch seconds since 2001 have 10" : "";
        };
        return field + " " + value + " (" + instant(value) + ") is more than " + describe(window)
                + " away from the folder date " + folderDate + " (govcloud.ingest.record-time-window)" + hint;
    }

    private static String instant(long epochSecond) {
        try {
            return Instant.ofEpochSecond(epochSecond).toString();
        } catch (DateTimeException e) {
            return "beyond any date";
        }
    }

    private static String describe(Duration window) {
        if (window.toHours() % 24 == 0 && !window.isZero()) {
            long days = window.toDays();
            return days == 1 ? "1 day" : days + " days";
        }
        return window.toHours() * 3600 == window.toSeconds() ? window.toHours() + " hours" : window.toString();
    }
}
