package jp.govcloudops.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
        @DefaultValue("0s") java.time.Duration objectPause) {

    /** Objects read in parallel on this machine. */
    public int objectReadThreads() {
        return readThreads > 0 ? readThreads : threads;
    }
}
