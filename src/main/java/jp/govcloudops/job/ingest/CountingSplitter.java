package jp.govcloudops.job.ingest;

import java.util.Set;

import jp.govcloudops.job.JobProgress;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;

/**
 * Spring Batch's splitter, telling the run's progress how many partition steps this execution runs: only the
 * splitter knows, since a restart runs the failed and unstarted partitions and skips the completed ones.
 */
final class CountingSplitter implements StepExecutionSplitter {

    private final StepExecutionSplitter splitter;
    private final JobProgress progress;

    CountingSplitter(StepExecutionSplitter splitter, JobProgress progress) {
        this.splitter = splitter;
        this.progress = progress;
    }

    @Override
    public String getStepName() {
        return splitter.getStepName();
    }

    @Override
    public Set<StepExecution> split(StepExecution stepExecution, int gridSize) throws JobExecutionException {
        Set<StepExecution> partitions = splitter.split(stepExecution, gridSize);
        progress.partitions(partitions.size());
        return partitions;
    }
}
