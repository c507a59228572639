package jp.govcloudops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.YearMonth;

import jp.govcloudops.job.report.ReportLauncher;
import jp.govcloudops.job.report.ReportParameters;
import jp.govcloudops.report.render.ReportFormat;
import jp.govcloudops.store.TestDatabase;
import jp.govcloudops.support.S3TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The report job's upload step against an S3 API server over HTTP: an upload to a bucket that does not exist fails
 * the job after the report was written; once the bucket exists, running the same report again resumes at the
 * upload (the rendering is not repeated) and the object holds the file's bytes.
 */
class ReportUploadOverS3Test {

    @TempDir
    Path dir;

    @Test
    void aFailedUploadIsResumedWithoutRenderingAgain() throws Exception {
        S3TestServer s3 = S3TestServer.get();
        String bucket = "reports-" + System.nanoTime();
        YearMonth month = YearMonth.of(2026, 10);
        Path file = dir.resolve("out/monthly-report-2026-10.pdf");
        ReportParameters parameters = new ReportParameters(month, ReportFormat.PDF, file, "s3://" + bucket + "/monthly/", 1);
        try (TestDatabase database = TestDatabase.h2(dir);
                ConfigurableApplicationContext context = database.start("govcloud.s3.endpoint=" + s3.endpoint(),
                        "govcloud.s3.max-attempts=1");
                S3Client client = s3.client()) {
            ReportLauncher reports = context.getBean(ReportLauncher.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            ReportLauncher.Outcome failed = reports.run(parameters, Duration.ZERO);
            assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(failed.execution().getAllFailureExceptions()).isNotEmpty();
            assertThat(failed.s3()).isNull();
            assertThat(file).exists();
            assertThat(steps(jdbc, failed, "renderReport")).containsExactly("COMPLETED");
            assertThat(steps(jdbc, failed, "publishReport")).containsExactly("FAILED");
            // Marks the rendered file, so that rendering it again would show.
            FileTime marked = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(file, marked);
            byte[] rendered = Files.readAllBytes(file);

            client.createBucket(b -> b.bucket(bucket));
            ReportLauncher.Outcome resumed = reports.run(parameters, Duration.ZERO);
            assertThat(resumed.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(resumed.execution().getJobInstanceId()).isEqualTo(failed.execution().getJobInstanceId());
            assertThat(resumed.s3()).isEqualTo("s3://" + bucket + "/monthly/monthly-report-2026-10.pdf");
            assertThat(steps(jdbc, resumed, "renderReport")).containsExactly("COMPLETED");
            assertThat(steps(jdbc, resumed, "publishReport")).containsExactly("FAILED", "COMPLETED");
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(marked);

            var object = client.getObjectAsBytes(b -> b.bucket(bucket).key("monthly/monthly-report-2026-10.pdf"));
            assertThat(object.asByteArray()).isEqualTo(rendered);
            assertThat(object.response().contentType()).isEqualTo("application/pdf");
        }
    }

    /** The statuses of a step's executions within the outcome's job instance, oldest first. */
    private static java.util.List<String> steps(JdbcTemplate jdbc, ReportLauncher.Outcome outcome, String step) {
        return jdbc.queryForList("SELECT s.status FROM batch_step_execution s JOIN batch_job_execution e"
                + " ON e.job_execution_id = s.job_execution_id WHERE e.job_instance_id = ? AND s.step_name = ?"
                + " ORDER BY s.step_execution_id", String.class, outcome.execution().getJobInstanceId(), step);
    }
}
