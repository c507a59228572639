package jp.govcloudops.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jp.govcloudops.detect.DetectionService;
import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogType;
import jp.govcloudops.support.S3TestServer;
import jp.govcloudops.support.SharedDatasets;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shared GuardDuty, Security Hub and Config samples laid out in S3 as the services deliver them (GuardDuty's
 * export and Config's unpadded folders under AWSLogs, Security Hub's Firehose hour folders below the configured
 * prefix) and ingested over HTTP: each finding stored once with its source, account and severity, the GuardDuty
 * finding of the Security Hub examples once, the configuration items as changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SecurityServicesOverS3Test {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    IngestLauncher launcher;

    @Autowired
    DetectionService detection;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("govcloud-services-s3-");
        registry.add("spring.datasource.url", () -> TestStore.h2(dir));
        registry.add("govcloud.s3.endpoint", () -> S3TestServer.get().endpoint());
        registry.add("govcloud.security-services.security-hub-prefix", () -> "firehose/securityhub/");
    }

    @Test
    void eachFindingOnceWithItsSourceAndConfigItemsAsChanges() throws Exception {
        Path root = tmp.resolve("logs");
        Path guardDuty = Files.createDirectories(root.resolve("AWSLogs/123456789012/GuardDuty/us-east-1/2025/07/11"));
        Files.copy(SharedDatasets.file("guardduty/panther/panther_guardduty_findings.jsonl.gz"),
                guardDuty.resolve("5e7f0c1a-8d2b-4c3e-9f10-6a7b8c9d0e1f.jsonl.gz"));
        JsonNode examples = JSON.readTree(SharedDatasets.file("securityhub/awsdocs/awsdocs_asff_examples.json").toFile());
        ObjectNode event = JSON.createObjectNode().put("version", "0").put("detail-type",
                "Security Hub Findings - Imported").put("source", "aws.securityhub");
        event.putObject("detail").set("findings", examples);
        Path hour = Files.createDirectories(root.resolve("firehose/securityhub/2025/07/11/09"));
        LogFixturesGzip.write(hour.resolve("hub-1-2025-07-11-09-00-00-abc.gz"), event + "\n");
        Path config = Files.createDirectories(root.resolve("AWSLogs/123456789012/Config/us-east-1/2025/7/11/ConfigHistory"));
        Files.copy(SharedDatasets.file("config/awsdocs/derived_ConfigHistory_from_awsdocs_sns_items.json.gz"),
                config.resolve("123456789012_Config_us-east-1_ConfigHistory_AWS::EC2::Instance_20250711T000000Z_20250711T060000Z_1.json.gz"));
        S3TestServer.get().upload(root, "security-services", "estate/");

        LocalDate day = LocalDate.parse("2025-07-11");
        IngestLauncher.Outcome outcome = launcher.run(new IngestParameters(day, day, EnumSet.allOf(LogType.class),
                Set.of(), false, List.of("s3://security-services/estate"), 1), Duration.ZERO);
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcome.summary().objects()).isEqualTo(3);
        detection.run(detection.window(day, day));

        Map<String, Long> bySource = new TreeMap<>();
        jdbc.query("SELECT source, COUNT(*) FROM findings GROUP BY source", rs -> {
            bySource.put(rs.getString(1), rs.getLong(2));
        });
        long hubNotPassed = 0;
        long configRule = 0;
        for (JsonNode f : examples) {
            boolean passed = "PASSED".equals(f.path("Compliance").path("Status").asString(null));
            String product = f.get("ProductArn").asString();
            if (product.endsWith("/config")) {
                configRule++;
            } else if (!product.endsWith("/guardduty") && !passed) {
                hubNotPassed++;
            }
        }
        // 6 GuardDuty ids in the export and the documentation's GuardDuty finding imported by Security Hub
        assertThat(bySource).containsEntry("guardduty", 7L).containsEntry("config", configRule)
                .containsEntry("securityhub", hubNotPassed);
        assertThat(jdbc.queryForList("SELECT also_in FROM findings WHERE source = 'guardduty' AND also_in IS NOT NULL",
                String.class)).containsExactly("securityhub");
        assertThat(jdbc.queryForMap("SELECT account_id, severity, day FROM findings WHERE source_id ="
                + " '8c258d654378414b9bc26f61a93eb816'")).containsEntry("ACCOUNT_ID", "123456789012")
                .containsEntry("SEVERITY", "CRITICAL");
        assertThat(jdbc.queryForList("SELECT resource_type || ' ' || change_type FROM config_change ORDER BY 1",
                String.class)).containsExactly("AWS::EC2::Instance UPDATE", "AWS::EC2::SecurityGroup CREATE");
    }

    /** Gzip text as the services deliver it. */
    static final class LogFixturesGzip {
        static void write(Path file, String text) throws IOException {
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }
}
