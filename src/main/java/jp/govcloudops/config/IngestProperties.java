package jp.govcloudops.config;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Ingestion tuning.
 *
 * @param threads                   partitions processed in parallel (on a distributed manager: partitions in
 *                                  flight across all workers)
 * @param readThreads               objects read in parallel on this machine, in one pool shared by the running
 *                                  partitions; 0 (the default) means as many as {@code threads}. Set it on
 *                                  distributed workers, whose {@code threads} is the manager's figure
 * @param objectsPerCommit          objects written per transaction (each object's manifest row commits with its
 *                                  aggregates, so a crash loses at most one uncommitted chunk of work)
 * @param catchUpDays               folder dates before D-1 that {@code nightly} re-lists for late objects
 * @param gapLookbackDays           days of history that decide whether an empty partition is a gap
 * @param maxQuarantineRowsPerObject detail rows kept per object; the count stays exact beyond it
 * @param objectPause               pause before each object, to spare a bucket or store shared with other work
 *                                  (a throttle; zero by default)
 * @param recordTimeWindow          how far a record's time may lie from its object's folder date (before the
 *                                  date's first second or after its last) before the record is quarantined as
 *                                  implausible; 1 to 3650 days
 * @param maxValueSize              the largest single value of a record (a JSON string, number or name); a record
 *                                  holding a larger one is quarantined as too large
 * @param maxRecordSize             the largest record (a CloudTrail record's JSON, a flow-log line); a larger one is
 *                                  quarantined as too large, without being held in memory
 */
@Validated
@ConfigurationProperties("govcloud.ingest")
public record IngestProperties(
        @Min(1) @Max(64) @DefaultValue("2") int threads,
        @Min(0) @Max(64) @DefaultValue("0") int readThreads,
        @Min(1) @Max(10000) @DefaultValue("50") int objectsPerCommit,
        @Min(0) @Max(60) @DefaultValue("3") int catchUpDays,
        @Min(1) @Max(60) @DefaultValue("7") int gapLookbackDays,
        @Min(1) @DefaultValue("200") int maxQuarantineRowsPerObject,
        @DefaultValue("0s") Duration objectPause,
        @DefaultValue("7d") Duration recordTimeWindow,
        @DefaultValue("4MB") DataSize maxValueSize,
        @DefaultValue("16MB") DataSize maxRecordSize) {

    private static final DataSize SMALLEST_BOUND = DataSize.ofKilobytes(64);
    private static final DataSize LARGEST_BOUND = DataSize.ofMegabytes(512);

    @AssertTrue(message = "govcloud.ingest.record-time-window must be between 1 day and 3650 days")
    public boolean isRecordTimeWindowValid() {
        return recordTimeWindow.compareTo(Duration.ofDays(1)) >= 0
                && recordTimeWindow.compareTo(Duration.ofDays(3650)) <= 0;
    }

    @AssertTrue(message = "govcloud.ingest.max-record-size must be between 64KB and 512MB, and"
            + " govcloud.ingest.max-value-size between 64KB and max-record-size")
    public boolean isSizeBoundValid() {
        return maxRecordSize.compareTo(SMALLEST_BOUND) >= 0 && maxRecordSize.compareTo(LARGEST_BOUND) <= 0
                && maxValueSize.compareTo(SMALLEST_BOUND) >= 0 && maxValueSize.compareTo(maxRecordSize) <= 0;
    }

    /** Objects read in parallel on this machine. */
    public int objectReadThreads() {
        return readThreads > 0 ? readThreads : threads;
    }
}
