package jp.govcloudops.job.report;

import java.nio.file.Path;

import jp.govcloudops.config.S3Properties;
import jp.govcloudops.source.S3ClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads the written report to the S3 prefix, when one is given; a failure here is retried by a restart alone. */
@Component
public class PublishReportTasklet implements Tasklet {

    static final String S3_KEY = "report.s3";
    private static final Logger log = LoggerFactory.getLogger(PublishReportTasklet.class);

    private final S3Properties s3Properties;

    public PublishReportTasklet(S3Properties s3Properties) {
        this.s3Properties = s3Properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        ReportParameters parameters = ReportParameters.of(chunk.getStepContext().getStepExecution().getJobParameters());
        String prefix = parameters.s3Prefix();
        if (prefix == null || prefix.isBlank()) {
            return RepeatStatus.FINISHED;
        }
        var jobContext = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        Path file = Path.of(jobContext.getString(RenderReportTasklet.FILE));
        S3Location target = S3Location.parse(prefix, file.getFileName().toString());
        try (S3Client s3 = S3ClientFactory.create(s3Properties)) {
            s3.putObject(b -> b.bucket(target.bucket()).key(target.key()).contentType(parameters.format().contentType()),
                    RequestBody.fromFile(file));
        }
        String uri = "s3://" + target.bucket() + "/" + target.key();
        jobContext.putString(S3_KEY, uri);
        contribution.incrementWriteCount(1);
        log.info("Report uploaded to {}", uri);
        return RepeatStatus.FINISHED;
    }

    /** Bucket and key of {@code s3://bucket/prefix} plus a file name. */
    record S3Location(String bucket, String key) {
        static S3Location parse(String prefix, String fileName) {
            if (!prefix.startsWith("s3://")) {
                throw new IllegalArgumentException("--s3-prefix must be s3://bucket/prefix, not " + prefix);
            }
            String rest = prefix.substring(5);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash + 1);
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("no bucket in --s3-prefix " + prefix);
            }
            return new S3Location(bucket, path.isEmpty() || path.endsWith("/") ? path + fileName : path + "/" + fileName);
        }
    }
}
