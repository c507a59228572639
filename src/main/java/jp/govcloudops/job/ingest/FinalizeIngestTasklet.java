package jp.govcloudops.job.ingest;

import java.util.List;

import jp.govcloudops.archive.write.PartitionCompactor;
import jp.govcloudops.config.IngestProperties;
import jp.govcloudops.job.RunningStep;
import jp.govcloudops.store.DataGapStore;
import jp.govcloudops.store.IngestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes a run: refreshes the partitions' summaries and records their data gaps. A --force run goes partition by
 * partition, each in its own transaction, so that a partition's staged rows replace the old ones at once (readers
 * never see half a partition). Any other run refreshes every summary in one statement per slice of partitions and
 * then judges only the partitions with something to judge (no objects, unreadable ones, or gaps open): a night's
 * partitions mostly have objects and nothing wrong, and judging each cost several queries on the job's last,
 * single-threaded step.
 */
@Component
@StepScope
public class FinalizeIngestTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FinalizeIngestTasklet.class);

    private final IngestStore store;
    private final DataGapStore gaps;
    private final RunPartitions runPartitions;
    private final IngestProperties properties;
    private final TransactionTemplate transactions;
    private final JobExecution jobExecution;
    private final PartitionCompactor archive;

    public FinalizeIngestTasklet(IngestStore store, DataGapStore gaps, RunPartitions runPartitions,
            IngestProperties properties, TransactionTemplate transactions, PartitionCompactor archive) {
        this.archive = archive;
        JobExecution jobExecution = RunningStep.execution().getJobExecution();
        this.store = store;
        this.gaps = gaps;
        this.runPartitions = runPartitions;
        this.properties = properties;
        this.transactions = transactions;
        this.jobExecution = jobExecution;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        IngestParameters parameters = IngestParameters.of(jobExecution.getJobParameters());
        long generation = jobExecution.getJobInstance().getId();
        List<Long> partitions = runPartitions.of(parameters);
        long openGaps = 0;
        if (parameters.force()) {
            for (long partitionId : partitions) {
                Integer open = transactions.execute(status -> {
                    store.swapStaged(partitionId, generation);
                    store.refreshPartitionSummaries(List.of(partitionId), jobExecution.getId());
                    return gaps.evaluate(partitionId, properties.gapLookbackDays());
                });
                openGaps += open == null ? 0 : open;
            }
        } else {
            // Every summary first, so that judging an empty day sees its neighbours' fresh counts.
            transactions.executeWithoutResult(status -> store.refreshPartitionSummaries(partitions, jobExecution.getId()));
            for (long partitionId : gaps.withGapsToJudge(partitions)) {
                Integer open = transactions.execute(status -> gaps.evaluate(partitionId, properties.gapLookbackDays()));
                openGaps += open == null ? 0 : open;
            }
        }
        // After the store: the archive follows what the store holds (a --force run's swapped partitions included).
        int archiveFailures = archive.compact(partitions);
        log.info("Finalized {} partitions; {} data gaps open{}", partitions.size(), openGaps,
                archiveFailures == 0 ? "" : "; " + archiveFailures + " archive partitions not compacted (see above)");
        return RepeatStatus.FINISHED;
    }
}
