package jp.govcloudops.job.ingest;

import java.time.Duration;
import java.util.List;

import jp.govcloudops.config.DistributedProperties;
import jp.govcloudops.job.JobLaunching;
import jp.govcloudops.job.JobProgress;
import jp.govcloudops.job.ProgressReporter;
import jp.govcloudops.job.RunLock;
import jp.govcloudops.source.SourceRegistry;
import jp.govcloudops.store.DataGapStore;
import jp.govcloudops.store.IngestRunSummary;
import jp.govcloudops.store.IngestStore;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Runs the ingestion job for a range under the store's run lock, and sums up what the run did. */
@Component
public class IngestLauncher {

    private final Job ingestJob;
    private final JobLaunching launching;
    private final RunLock runLock;
    private final IngestStore store;
    private final DataGapStore gaps;
    private final RunPartitions runPartitions;
    private final SourceRegistry sources;
    private final ProgressReporter progressReporter;
    private final JobProgress progress;
    private final DistributedProperties distributed;

    public IngestLauncher(@Qualifier("ingestJob") Job ingestJob, JobLaunching launching, RunLock runLock,
            IngestStore store, DataGapStore gaps, RunPartitions runPartitions, SourceRegistry sources,
            ProgressReporter progressReporter, @Qualifier("ingestProgress") JobProgress progress,
            DistributedProperties distributed) {
        this.ingestJob = ingestJob;
        this.launching = launching;
        this.runLock = runLock;
        this.store = store;
        this.gaps = gaps;
        this.runPartitions = runPartitions;
        this.sources = sources;
        this.progressReporter = progressReporter;
        this.progress = progress;
        this.distributed = distributed;
    }

    public record Outcome(JobExecution execution, IngestRunSummary summary) {
    }

    /** @throws jp.govcloudops.source.SourceUnavailableException before the job starts, for a source it cannot list */
    public Outcome run(IngestParameters parameters, Duration lockWait) throws Exception {
        // A mistyped directory or bucket is reported in one line and leaves no failed job execution behind.
        parameters.sources().forEach(location -> sources.get(location).checkReadable());
        try (RunLock.Held lock = runLock.acquire("ingest", lockWait)) {
            JobExecution execution;
            // A distributed manager's partitions are counted by the workers, not here: it shows no progress.
            try (ProgressReporter.Shown shown = distributed.enabled() ? () -> { } : progressReporter.show(progress)) {
                execution = launching.run(ingestJob, attempt -> parameters.withAttempt(attempt).toJobParameters());
            }
            long generation = execution.getJobInstance().getId();
            List<Long> partitions = runPartitions.of(parameters);
            return new Outcome(execution, store.summary(generation, partitions, gaps.openGaps(partitions)));
        }
    }
}
