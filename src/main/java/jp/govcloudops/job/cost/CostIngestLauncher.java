package jp.govcloudops.job.cost;

import java.time.Duration;
import java.util.List;

import jp.govcloudops.job.JobLaunching;
import jp.govcloudops.job.JobProgress;
import jp.govcloudops.job.ProgressReporter;
import jp.govcloudops.job.RunLock;
import jp.govcloudops.cost.store.CostStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Runs the cost ingestion job under the store's "cost" run lock and sums up what it did. */
@Component
public class CostIngestLauncher {

    private final Job costIngestJob;
    private final JobLaunching launching;
    private final RunLock runLock;
    private final CostStore store;
    private final ProgressReporter progressReporter;
    private final JobProgress progress;

    public CostIngestLauncher(@Qualifier("costIngestJob") Job costIngestJob, JobLaunching launching, RunLock runLock,
            CostStore store, ProgressReporter progressReporter, @Qualifier("costIngestProgress") JobProgress progress) {
        this.costIngestJob = costIngestJob;
        this.launching = launching;
        this.runLock = runLock;
        this.store = store;
        this.progressReporter = progressReporter;
        this.progress = progress;
    }

    /**
     * @param found     units seen (billing periods found plus files named)
     * @param unchanged billing periods skipped because their files are as stored
     */
    public record Outcome(JobExecution execution, int found, int unchanged, List<CostStore.LoadSummary> loaded,
            List<CostStore.Failure> failures) {

        public boolean completed() {
            return execution.getStatus() == BatchStatus.COMPLETED;
        }

        public long rejectedRows() {
            return loaded.stream().mapToLong(CostStore.LoadSummary::rejectedRows).sum();
        }
    }

    public Outcome run(CostIngestParameters parameters, Duration lockWait) throws Exception {
        try (RunLock.Held lock = runLock.acquire("cost", lockWait)) {
            JobExecution execution;
            try (ProgressReporter.Shown shown = progressReporter.show(progress)) {
                execution = launching.run(costIngestJob, attempt -> parameters.withAttempt(attempt).toJobParameters());
            }
            int found = 0;
            int unchanged = 0;
            for (StepExecution step : execution.getStepExecutions()) {
                found += step.getExecutionContext().getInt("found", 0);
                unchanged += step.getExecutionContext().getInt("unchanged", 0);
            }
            return new Outcome(execution, found, unchanged, store.loadsOf(execution.getId()),
                    store.failuresOf(execution.getId()));
        }
    }
}
