package jp.govcloudops.detect;

import static jp.govcloudops.detect.LogFixtures.ACCOUNT;
import static jp.govcloudops.detect.LogFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.govcloudops.config.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CloudTrail Insights-style baselines and first-seen terms from the hourly aggregates: twelve quiet days, then a
 * day with a burst of writes, a new source IP and a new region. The quiet days give nothing; the baselines used
 * are kept per day and replaced, not added to, when the data is reprocessed.
 */
class CloudTrailBaselineTest {

    static final LocalDate FIRST = LocalDate.parse("2025-06-01");
    static final LocalDate LAST = FIRST.plusDays(12);

    @TempDir
    Path dir;

    @Test
    void burstsAndNewTermsStandOutAgainstTheirHistory() throws Exception {
        Path source = Files.createDirectories(dir.resolve("logs"));
        Path lastObject = null;
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            List<ObjectNode> records = new ArrayList<>();
            Instant morning = day.atStartOfDay().toInstant(ZoneOffset.UTC); // 09:00 JST
            for (int hour = 0; hour < 8; hour++) {
                for (int i = 0; i < 3 + (hour % 2); i++) {
                    records.add(event(morning.plusSeconds(hour * 3600L + i * 60), "ec2.amazonaws.com", "CreateTags",
                            "ope", Map.of()));
                    records.add(event(morning.plusSeconds(hour * 3600L + i * 60 + 5), "ec2.amazonaws.com",
                            "DescribeInstances", "ope", Map.of()));
                }
            }
            if (day.equals(LAST)) {
                for (int i = 0; i < 200; i++) {  // 200 writes in one hour, from a new address
                    records.add(event(morning.plusSeconds(5 * 3600L + i * 10), "ec2.amazonaws.com", "RunInstances",
                            "ope", Map.of("sourceIPAddress", "198.51.100.99")));
                }
                ObjectNode far = event(morning.plusSeconds(6 * 3600L), "ec2.amazonaws.com", "RunInstances", "ope",
                        Map.of());
                far.put("awsRegion", "sa-east-1");
                records.add(far);
            }
            lastObject = LogFixtures.cloudTrail(source, ACCOUNT, morning.plusSeconds(10 * 3600), records);
        }

        try (StoreContext store = new StoreContext(dir, source)) {
            store.ingest(FIRST, LAST, false);
            DetectionService detection = store.bean(DetectionService.class);
            detection.run(detection.window(FIRST, LAST));
            FindingStore findings = store.bean(FindingStore.class);
            assertThat(findings.list(FIRST, LAST.minusDays(1), Severity.INFORMATIONAL, false))
                    .as("quiet days").isEmpty();
            List<FindingStore.Stored> all = findings.list(LAST, LAST, Severity.INFORMATIONAL, false);

            FindingStore.Stored rate = CloudTrailFindingsTest.one(all, "api-call-rate-anomaly");
            assertThat(rate.resource()).isEqualTo("ec2.amazonaws.com");
            assertThat(rate.eventNames()).startsWith("RunInstances×200");
            JsonNode evidence = LogFixtures.JSON.readTree(findings.get(rate.id()).orElseThrow().evidence());
            assertThat(evidence.path("value").asDouble()).isEqualTo(204.0); // 200 + the usual 4 CreateTags of that hour
            assertThat(evidence.path("baseline").path("history_days").asInt()).isEqualTo(12);
            assertThat(evidence.path("baseline").path("mean").asDouble()).isBetween(1.0, 5.0);
            assertThat(rate.summaryJa()).contains("1 時間に 204回");

            assertThat(CloudTrailFindingsTest.one(all, "first-seen-source-ip").sourceIp()).isEqualTo("198.51.100.99");
            assertThat(CloudTrailFindingsTest.one(all, "first-seen-region").region()).isEqualTo("sa-east-1");
            FindingStore.Stored api = CloudTrailFindingsTest.one(all, "first-seen-api-for-principal");
            assertThat(api.eventNames()).contains("ec2.amazonaws.com:RunInstances");
            assertThat(all).extracting(FindingStore.Stored::ruleId).containsOnly("api-call-rate-anomaly",
                    "first-seen-source-ip", "first-seen-region", "first-seen-api-for-principal");

            int baselines = count(store, LAST);
            assertThat(baselines).isPositive();
            // Reprocessing the last day without the burst: the baseline rows are replaced and the burst is gone.
            List<ObjectNode> quiet = new ArrayList<>();
            Instant morning = LAST.atStartOfDay().toInstant(ZoneOffset.UTC);
            for (int i = 0; i < 3; i++) {
                quiet.add(event(morning.plusSeconds(i * 60L), "ec2.amazonaws.com", "CreateTags", "ope", Map.of()));
            }
            LogFixtures.rewrite(lastObject, quiet);
            store.ingest(LAST, LAST, true);
            detection.run(detection.window(LAST, LAST));
            assertThat(findings.list(LAST, LAST, Severity.INFORMATIONAL, false)).isEmpty();
            assertThat(count(store, LAST)).isEqualTo(store.jdbc().queryForObject("SELECT COUNT(DISTINCT metric"
                    + " || account_id || subject) FROM det_baseline WHERE day = ?", Integer.class, LAST));
        }
    }

    private static int count(StoreContext store, LocalDate day) {
        return store.jdbc().queryForObject("SELECT COUNT(*) FROM det_baseline WHERE day = ?", Integer.class, day);
    }
}
