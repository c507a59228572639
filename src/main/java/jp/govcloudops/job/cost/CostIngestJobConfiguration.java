package jp.govcloudops.job.cost;

import jp.govcloudops.cost.CostLoad;
import jp.govcloudops.cost.CostUnit;
import jp.govcloudops.job.JobProgress;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The cost ingestion job, shared by {@code nightly}, {@code cost-ingest}: one chunk-oriented step whose items are
 * units (an export's billing period, or a file), one per chunk, so each unit's replacement commits on its own. A
 * restart re-lists and skips units already stored with the same files.
 */
@Configuration
public class CostIngestJobConfiguration {

    public static final String JOB_NAME = "costIngest";

    @Bean
    public Job costIngestJob(JobRepository jobRepository, Step loadCostUnits) {
        return new JobBuilder(JOB_NAME, jobRepository).start(loadCostUnits).build();
    }

    /** What the run has done, for its progress display: units are billing periods or named files. */
    @Bean
    public JobProgress costIngestProgress() {
        return new JobProgress("cost-ingest", "units", "files", "line items");
    }

    @Bean
    public Step loadCostUnits(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CostUnitReader costUnitReader, CostUnitProcessor costUnitProcessor, CostLoadWriter costLoadWriter) {
        return new StepBuilder("loadCostUnits", jobRepository)
                .<CostUnit, CostLoad>chunk(1)
                .transactionManager(transactionManager)
                .reader(costUnitReader)
                .processor(costUnitProcessor)
                .writer(costLoadWriter)
                .build();
    }
}
