package jp.govcloudops.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogType;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 ingestion test against LocalStack 4.14.0 in Docker (Maven profile {@code -Plocalstack}). Not run by CI:
 * our machines have no Docker engine; the default suite uses the S3Mock server instead.
 */
@Testcontainers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LocalStackS3IT {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse("localstack/localstack:4.14.0")).withServices("s3");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("govcloud-localstack-");
        registry.add("spring.datasource.url", () -> TestStore.h2(dir));
        registry.add("govcloud.s3.endpoint", () -> LOCALSTACK.getEndpoint().toString());
        registry.add("govcloud.s3.region", LOCALSTACK::getRegion);
        System.setProperty("aws.accessKeyId", LOCALSTACK.getAccessKey());
        System.setProperty("aws.secretAccessKey", LOCALSTACK.getSecretKey());
    }

    @Autowired
    IngestLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    @Test
    void ingestsFromLocalStack() throws Exception {
        LocalDate day = LocalDate.parse("2026-10-01");
        LogTree tree = new LogTree(tmp);
        String user = "arn:aws:iam::400000000001:user/u";
        tree.cloudTrail("400000000001", "ap-northeast-1", day, "20261001T0100Z", List.of(
                LogTree.event("2026-10-01T01:00:00Z", "ec2.amazonaws.com", "RunInstances", user, null),
                LogTree.event("2026-10-01T01:00:01Z", "ec2.amazonaws.com", "RunInstances", user, null)));
        try (S3Client s3 = S3Client.builder().endpointOverride(LOCALSTACK.getEndpoint()).forcePathStyle(true)
                .region(Region.of(LOCALSTACK.getRegion())).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()))).build();
                var files = Files.walk(tmp)) {
            s3.createBucket(b -> b.bucket("logs"));
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                s3.putObject(b -> b.bucket("logs").key(tmp.relativize(file).toString()), RequestBody.fromFile(file));
            }
        }
        IngestLauncher.Outcome outcome = launcher.run(new IngestParameters(day, day, EnumSet.allOf(LogType.class),
                Set.of(), false, List.of("s3://logs"), 1), Duration.ZERO);
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT SUM(events) FROM cloudtrail_daily WHERE account_id = '400000000001'",
                Long.class)).isEqualTo(2);
    }
}
