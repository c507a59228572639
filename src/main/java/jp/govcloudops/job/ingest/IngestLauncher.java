package jp.govcloudops.job.ingest;

import java.time.Duration;
import java.util.List;

import jp.govcloudops.job.JobLaunching;
import jp.govcloudops.job.RunLock;
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

    public IngestLauncher(@Qualifier("ingestJob") Job ingestJob, JobLaunching launching, RunLock runLock,
            IngestStore store, DataGapStore gaps, RunPartitions runPartitions) {
        this.ingestJob = ingestJob;
        this.launching = launching;
        this.runLock = runLock;
        this.store = store;
        this.gaps = gaps;
        this.runPartitions = runPartitions;
    }

    public record Outcome(JobExecution execution, IngestRunSummary summary) {
    }

    public Outcome run(IngestParameters parameters, Duration lockWait) throws Exception {
        try (RunLock.Held lock = runLock.acquire("ingest", lockWait)) {
            JobExecution execution = launching.run(ingestJob, attempt -> parameters.withAttempt(attempt).toJobParameters());
            long generation = execution.getJobInstance().getId();
            List<Long> partitions = runPartitions.of(parameters);
            return new Outcome(execution, store.summary(generation, partitions, gaps.openGaps(partitions)));
        }
    }
}
