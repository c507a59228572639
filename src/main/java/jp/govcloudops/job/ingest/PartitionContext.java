package jp.govcloudops.job.ingest;

import java.time.LocalDate;

import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;
import jp.govcloudops.store.IngestStore;
import jp.govcloudops.store.PartitionWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How a partition travels in a worker step's execution context. The partition's id is also in the step's name
 * ({@code ingestObjects:p<id>}), which keeps a restart working when the context was lost: Spring Batch stores a
 * new partition step and its context in two transactions, and an embedded H2 killed between them (it keeps the
 * last second of commits in memory) comes back with the step but an empty context.
 */
final class PartitionContext {

    private static final Logger log = LoggerFactory.getLogger(PartitionContext.class);

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

    static PartitionWork work(StepExecution step, IngestStore store) {
        ExecutionContext c = step.getExecutionContext();
        if (!c.containsKey("logType")) {
            restore(step, store);
        }
        LogPartition partition = new LogPartition(LogType.fromId(c.getString("logType")), c.getString("accountId"),
                c.getString("region"), LocalDate.parse(c.getString("folderDate")), c.getString("source"),
                c.getString("folderPrefix"));
        IngestParameters parameters = IngestParameters.of(step.getJobExecution().getJobParameters());
        return new PartitionWork(c.getLong("partitionId"), partition, step.getJobExecution().getJobInstance().getId(),
                parameters.force(), step.getJobExecution().getId());
    }

    /** Puts the partition back into a context that lost it, from the id in the step's name. */
    private static void restore(StepExecution step, IngestStore store) {
        String name = step.getStepName();
        int at = name.lastIndexOf(":p");
        LogPartition partition = null;
        long id = -1;
        if (at >= 0) {
            id = Long.parseLong(name.substring(at + 2));
            partition = store.partition(id);
        }
        if (partition == null) {
            throw new IllegalStateException("step " + name + " has no partition in its execution context, and its"
                    + " name names no known partition");
        }
        log.warn("Step {} had lost its execution context (a crash between two job-repository writes); restored"
                + " partition {} from the store", name, id);
        of(id, partition).entrySet().forEach(e -> step.getExecutionContext().put(e.getKey(), e.getValue()));
    }
}
