package jp.govcloudops.job.report;

import java.time.Duration;

import jp.govcloudops.job.JobLaunching;
import jp.govcloudops.job.RunLock;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts the report job, or restarts the same instance after a failure (see {@link JobLaunching}), under the store's
 * report run lock.
 */
@Component
public class ReportLauncher {

    private final Job job;
    private final JobLaunching launching;
    private final RunLock runLock;

    public ReportLauncher(@Qualifier("monthlyReportJob") Job job, JobLaunching launching, RunLock runLock) {
        this.job = job;
        this.launching = launching;
        this.runLock = runLock;
    }

    public record Outcome(JobExecution execution, String file, long bytes, int pages, String s3) {
    }

    public Outcome run(ReportParameters parameters, Duration lockWait) throws Exception {
        JobExecution execution;
        try (RunLock.Held lock = runLock.acquire("report", lockWait)) {
            execution = launching.run(job, attempt -> parameters.withAttempt(attempt).toJobParameters());
        }
        var context = execution.getExecutionContext();
        return new Outcome(execution, context.containsKey(RenderReportTasklet.FILE) ? context.getString(RenderReportTasklet.FILE) : null,
                context.containsKey(RenderReportTasklet.BYTES) ? context.getLong(RenderReportTasklet.BYTES) : 0,
                context.containsKey(RenderReportTasklet.PAGES) ? context.getInt(RenderReportTasklet.PAGES) : 0,
                context.containsKey(PublishReportTasklet.S3_KEY) ? context.getString(PublishReportTasklet.S3_KEY) : null);
    }
}
