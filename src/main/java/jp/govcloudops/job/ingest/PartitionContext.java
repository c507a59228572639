package jp.govcloudops.job.ingest;

import java.time.LocalDate;

import jp.govcloudops.ingest.PartitionWork;
import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** How a partition travels in a worker step's execution context. */
final class PartitionContext {

    private PartitionContext() {
    }

    static ExecutionContext of(long partitionId, LogPartition p) {
        ExecutionContext context = new ExecutionContext();
        context.putLong("partitionId", partitionId);
        context.putString("logType", p.logType().id());
        context.putString("accountId", p.accountId());
        context.putString("region", p.region());
        context.putString("folderDate", p.folderDate().toString());
        context.putString("source", p.source());
        context.putString("folderPrefix", p.folderPrefix());
        return context;
    }

    static PartitionWork work(StepExecution step) {
        ExecutionContext c = step.getExecutionContext();
        LogPartition partition = new LogPartition(LogType.fromId(c.getString("logType")), c.getString("accountId"),
                c.getString("region"), LocalDate.parse(c.getString("folderDate")), c.getString("source"),
                c.getString("folderPrefix"));
        IngestParameters parameters = IngestParameters.of(step.getJobExecution().getJobParameters());
        return new PartitionWork(c.getLong("partitionId"), partition, step.getJobExecution().getJobInstance().getId(),
                parameters.force(), step.getJobExecution().getId());
    }
}
