package jp.govcloudops.job.ingest;

import jp.govcloudops.config.IngestProperties;
import jp.govcloudops.job.JobProgress;
import jp.govcloudops.source.SourceObject;
import jp.govcloudops.store.IngestedObject;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingestion job, shared by {@code nightly} and {@code reprocess}:
 * <ol>
 * <li>{@code ingestPartitions}: discovers the partitions of the range and runs one {@code ingestObjects} step per
 * partition with a date folder on a thread pool; each lists the partition's pending objects, has each chunk's
 * objects read in parallel on a second pool shared by all partitions, and commits every object's manifest row with
 * its aggregates, in listing order;</li>
 * <li>{@code finalizeIngest}: swaps in a --force run's staged rows partition by partition, refreshes the partitions'
 * summaries and records data gaps.</li>
 * </ol>
 * A restart skips completed partitions; the failed one resumes after its last committed object because its reader
 * works from the manifest.
 */
@Configuration
public class IngestJobConfiguration {

    public static final String JOB_NAME = "ingest";

    @Bean
    public Job ingestJob(JobRepository jobRepository, Step ingestPartitions, Step finalizeIngest) {
        return new JobBuilder(JOB_NAME, jobRepository).start(ingestPartitions).next(finalizeIngest).build();
    }

    /** What the run has done, for its progress display. */
    @Bean
    public JobProgress ingestProgress() {
        return new JobProgress("ingest", "partitions", "objects", "records");
    }

    @Bean
    public Step ingestPartitions(JobRepository jobRepository, IngestPartitioner partitioner, Step ingestObjects,
            ThreadPoolTaskExecutor ingestTaskExecutor, IngestProperties properties,
            ObjectProvider<MessageChannelPartitionHandler> remotePartitions,
            @Qualifier("ingestProgress") JobProgress progress) {
        PartitionStepBuilder step = new StepBuilder("ingestPartitions", jobRepository)
                .partitioner("ingestObjects", partitioner)
                .splitter(new CountingSplitter(new SimpleStepExecutionSplitter(jobRepository, "ingestObjects",
                        partitioner), progress))
                .gridSize(properties.threads());
        MessageChannelPartitionHandler remote = remotePartitions.getIfAvailable();
        if (remote != null) {
            // Distributed mode: workers run ingestObjects (see job.distributed).
            return step.partitionHandler(remote).build();
        }
        return step.step(ingestObjects).taskExecutor(ingestTaskExecutor).build();
    }

    @Bean
    public Step ingestObjects(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            PendingObjectReader pendingObjectReader, IngestProcessor ingestProcessor, IngestWriter ingestWriter,
            ThreadPoolTaskExecutor objectReadExecutor, IngestProperties properties,
            IngestProgressListener progressListener) {
        var step = new StepBuilder("ingestObjects", jobRepository)
                .<SourceObject, IngestedObject>chunk(properties.objectsPerCommit())
                .transactionManager(transactionManager)
                .reader(pendingObjectReader)
                .processor(ingestProcessor)
                .writer(ingestWriter)
                .listener((StepListener) progressListener);
        if (properties.objectReadThreads() > 1) {
            // The objects of a chunk are read on the shared pool, so a partition much larger than the others
            // (one busy account) still keeps every thread busy; listing and writing stay on the partition's thread.
            step.taskExecutor(objectReadExecutor);
        }
        return step.build();
    }

    @Bean
    public Step finalizeIngest(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            FinalizeIngestTasklet finalizeIngestTasklet) {
        return new StepBuilder("finalizeIngest", jobRepository)
                .tasklet(finalizeIngestTasklet, transactionManager)
                .build();
    }

    /** Runs the partitions' steps: listing, chunk bookkeeping and the writes. */
    @Bean
    public ThreadPoolTaskExecutor ingestTaskExecutor(IngestProperties properties) {
        return pool("ingest-", properties.threads());
    }

    /** Reads, parses and aggregates objects for every running partition: the CPU-bound work. */
    @Bean
    public ThreadPoolTaskExecutor objectReadExecutor(IngestProperties properties) {
        return pool("ingest-read-", properties.objectReadThreads());
    }

    private static ThreadPoolTaskExecutor pool(String prefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix(prefix);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
