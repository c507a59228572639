package jp.govcloudops.sample;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * When in a UTC day things happen, by quarter-hour weights set on the Japanese clock: people work 08:30–17:15
 * JST on business days, machines run around the clock, batches at night. A UTC day runs from 09:00 JST to
 * 09:00 JST the next day, so both JST dates are looked up.
 */
public enum DayShape {
    /** People at work: 受付時間 on business days, little else. */
    BUSINESS,
    /** Machines: steady, a little busier while people use the systems. */
    STEADY,
    /** Night batches and backups: 01:00–04:00 JST. */
    NIGHT;

    public static final int SLOTS = 96;
    private static final int SLOT_SECONDS = 900;

    /** Weights of the 96 quarter hours of UTC {@code day}. */
    public double[] weights(LocalDate day, SampleCalendar calendar) {
        double[] w = new double[SLOTS];
        ZonedDateTime start = day.atStartOfDay(ZoneOffset.UTC);
        for (int slot = 0; slot < SLOTS; slot++) {
            ZonedDateTime jst = start.plusSeconds((long) slot * SLOT_SECONDS).withZoneSameInstant(SampleCalendar.JST);
            double minute = jst.getHour() * 60 + jst.getMinute();
            boolean business = calendar.isBusinessDay(jst.toLocalDate());
            w[slot] = switch (this) {
                case BUSINESS -> business
                        ? (minute >= 510 && minute < 1035 ? (minute >= 720 && minute < 780 ? 0.6 : 1.0)
                                : minute >= 450 && minute < 1200 ? 0.2 : 0.01)
                        : (minute >= 540 && minute < 1080 ? 0.04 : 0.005);
                case STEADY -> minute >= 480 && minute < 1200 ? (business ? 1.4 : 1.1) : 1.0;
                case NIGHT -> minute >= 60 && minute < 240 ? 1.0 : 0.03;
            };
        }
        return w;
    }

    /** A second of UTC {@code day} (epoch seconds) drawn from precomputed {@link #weights}. */
    public static long draw(SplittableRandom random, LocalDate day, double[] weights) {
        int slot = RandomText.weighted(random, weights);
        return day.toEpochDay() * 86_400L + (long) slot * SLOT_SECONDS + random.nextInt(SLOT_SECONDS);
    }

    /** Relative volume of a UTC day: busier on business days (judged on the JST date of its working hours). */
    public static double dayFactor(LocalDate day, SampleCalendar calendar, double business, double other) {
        return calendar.isBusinessDay(day) ? business : other;
    }
}
