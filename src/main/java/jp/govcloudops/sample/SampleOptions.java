package jp.govcloudops.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What to generate.
 *
 * @param from         first UTC day
 * @param to           last UTC day (inclusive)
 * @param out          output directory
 * @param scale        volume: 1 is about 20,000 flow records and 5,000 CloudTrail records a day
 * @param seed         the seed; the same seed gives byte-identical files
 * @param filesPerHour files per log stream per hour (below 1: one file every 1/N hours); null for the default
 */
public record SampleOptions(LocalDate from, LocalDate to, Path out, double scale, long seed, Double filesPerHour) {

    public static final int FLOW_RECORDS_PER_DAY = 20_000;
    public static final int CLOUDTRAIL_RECORDS_PER_DAY = 5_000;
    static final int MAX_DAYS = 366;

    public SampleOptions {
        if (from == null || to == null || out == null) {
            throw new IllegalArgumentException("--from, --to and --out are required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("at most " + MAX_DAYS + " days at a time");
        }
        if (!(scale > 0) || scale > 1000) {
            throw new IllegalArgumentException("--scale must be above 0 and at most 1000, not " + scale);
        }
        if (filesPerHour != null) {
            DeliverySchedule.filesPerHour(filesPerHour);
        }
    }

    public DeliverySchedule schedule() {
        return DeliverySchedule.filesPerHour(effectiveFilesPerHour());
    }

    public double effectiveFilesPerHour() {
        return filesPerHour != null ? filesPerHour : DeliverySchedule.defaultFilesPerHour(scale);
    }

    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }
}
