package jp.govcloudops.job.report;

import java.nio.file.Path;
import java.time.YearMonth;

import jp.govcloudops.report.render.ReportFormat;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one report run produces. Month, format, file and S3 prefix identify the job instance, so running the same
 * command after a failure restarts it (a failed upload is retried without rendering again); {@code attempt} moves on
 * once an instance has completed, so a report can be produced again later.
 *
 * @param s3Prefix {@code s3://bucket/prefix}, or empty for none
 */
public record ReportParameters(YearMonth month, ReportFormat format, Path out, String s3Prefix, long attempt) {

    public ReportParameters withAttempt(long next) {
        return new ReportParameters(month, format, out, s3Prefix, next);
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString("month", month.toString())
                .addString("format", format.extension())
                .addString("out", out.toAbsolutePath().normalize().toString())
                .addString("s3Prefix", s3Prefix == null ? "" : s3Prefix)
                .addLong("attempt", attempt)
                .toJobParameters();
    }

    public static ReportParameters of(JobParameters p) {
        return new ReportParameters(YearMonth.parse(p.getString("month")), ReportFormat.of(p.getString("format")),
                Path.of(p.getString("out")), p.getString("s3Prefix"), p.getLong("attempt"));
    }
}
