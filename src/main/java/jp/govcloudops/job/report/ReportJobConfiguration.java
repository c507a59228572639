package jp.govcloudops.job.report;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The monthly report job: {@code renderReport} (query the store, fill the templates, write the file) then
 * {@code publishReport} (upload to S3 when a prefix is given). A restart after a failed upload skips the rendering.
 */
@Configuration
public class ReportJobConfiguration {

    public static final String JOB_NAME = "monthlyReport";

    @Bean
    public Job monthlyReportJob(JobRepository jobRepository, Step renderReport, Step publishReport) {
        return new JobBuilder(JOB_NAME, jobRepository).start(renderReport).next(publishReport).build();
    }

    @Bean
    public Step renderReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RenderReportTasklet tasklet) {
        return new StepBuilder("renderReport", jobRepository).tasklet(tasklet, transactionManager).build();
    }

    @Bean
    public Step publishReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            PublishReportTasklet tasklet) {
        return new StepBuilder("publishReport", jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
