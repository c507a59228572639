package jp.govcloudops.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How generated records are cut into files: each log stream delivers one file per window, and a window is
 * {@code 60 / filesPerHour} minutes long. Below one file per hour a window spans several hours (0.25: four hours),
 * which keeps small samples to a few thousand files. Windows never cross midnight UTC.
 */
public final class DeliverySchedule {

    private static final int[] MINUTES = {5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440};

    private final int windowMinutes;

    private DeliverySchedule(int windowMinutes) {
        this.windowMinutes = windowMinutes;
    }

    /**
     * {@code filesPerHour} must give a window that divides the day: 12, 6, 4, 3, 2, 1, 0.5, 1/3, 0.25, 1/6,
     * 0.125, 1/12 or 1/24 (decimals within 1% are accepted, e.g. 0.333).
     */
    public static DeliverySchedule filesPerHour(double filesPerHour) {
        if (!(filesPerHour > 0)) {
            throw new IllegalArgumentException("files per hour must be positive, not " + filesPerHour);
        }
        double minutes = 60 / filesPerHour;
        for (int allowed : MINUTES) {
            if (Math.abs(minutes - allowed) <= allowed * 0.01) {
                return new DeliverySchedule(allowed);
            }
        }
        throw new IllegalArgumentException("files per hour " + filesPerHour + " gives " + Math.round(minutes)
                + "-minute files; choose one of 12, 6, 4, 3, 2, 1, 0.5, 0.333, 0.25, 0.1667, 0.125, 0.0833, 0.0417");
    }

    /** The default when none is given: one file per hour from scale 0.5, fewer and fuller files below it. */
    public static double defaultFilesPerHour(double scale) {
        return scale >= 0.5 ? 1 : scale >= 0.25 ? 0.5 : 0.25;
    }

    public int windowMinutes() {
        return windowMinutes;
    }

    /** Window start and end times (epoch seconds) of a UTC day, in order. */
    public List<long[]> windows(LocalDate day) {
        long start = day.toEpochDay() * 86_400L;
        List<long[]> windows = new ArrayList<>();
        for (long t = start; t < start + 86_400L; t += windowMinutes * 60L) {
            windows.add(new long[] {t, t + windowMinutes * 60L});
        }
        return windows;
    }
}
