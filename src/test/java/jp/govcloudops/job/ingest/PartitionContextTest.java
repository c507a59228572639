package jp.govcloudops.job.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;
import jp.govcloudops.store.IngestStore;
import jp.govcloudops.store.PartitionWork;
import jp.govcloudops.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A partition step whose execution context was lost (an embedded H2 killed between Spring Batch's two writes of a
 * new partition step) still finds its partition, from the id in its name and the store, and puts it back.
 */
class PartitionContextTest {

    @TempDir
    Path dir;

    @Test
    void aStepThatLostItsContextIsGivenItsPartitionBackFromTheStore() throws Exception {
        LogPartition partition = new LogPartition(LogType.VPCFLOW, "111122223333", "ap-northeast-1",
                LocalDate.parse("2026-10-01"), "/data/logs", "AWSLogs/111122223333/vpcflowlogs/ap-northeast-1/2026/10/01/");
        try (TestDatabase database = TestDatabase.h2(dir); ConfigurableApplicationContext context = database.start()) {
            IngestStore store = context.getBean(IngestStore.class);
            long id = store.ensurePartitions(List.of(partition)).get(0);
            JobExecution job = new JobExecution(7, new JobInstance(3, IngestJobConfiguration.JOB_NAME),
                    new IngestParameters(partition.folderDate(), partition.folderDate(), Set.of(LogType.VPCFLOW),
                            Set.of(), false, List.of("/data/logs"), 1).toJobParameters());

            StepExecution intact = new StepExecution(11, "ingestObjects:p" + id, job);
            PartitionContext.of(id, partition).entrySet().forEach(e -> intact.getExecutionContext().put(e.getKey(),
                    e.getValue()));
            StepExecution lost = new StepExecution(12, "ingestObjects:p" + id, job);

            PartitionWork fromContext = PartitionContext.work(intact, store);
            PartitionWork restored = PartitionContext.work(lost, store);

            assertThat(restored.partition()).isEqualTo(partition).isEqualTo(fromContext.partition());
            assertThat(restored.partitionId()).isEqualTo(id);
            assertThat(lost.getExecutionContext().getString("logType")).isEqualTo("vpcflow");
            assertThat(lost.getExecutionContext().getLong("partitionId")).isEqualTo(id);

            StepExecution unknown = new StepExecution(13, "ingestObjects:p" + (id + 1000), job);
            assertThatThrownBy(() -> PartitionContext.work(unknown, store))
                    .hasMessageContaining("ingestObjects:p" + (id + 1000));
        }
    }
}
