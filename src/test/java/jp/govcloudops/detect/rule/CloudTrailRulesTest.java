package jp.govcloudops.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.cloudtrail.CloudTrailReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every built-in CloudTrail rule against crafted records (src/test/resources/rule-cases/RULE.json: records that
 * must match and records that must not), read through the real CloudTrail parser.
 */
class CloudTrailRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final RuleCatalog CATALOG = new RuleCatalog((java.nio.file.Path) null, List.of());
    static final CloudTrailRuleIndex INDEX = new CloudTrailRuleIndex(CATALOG.cloudTrailRules());

    @Test
    void shipsTheCisControlsHighValueAndThresholdRules() {
        Set<String> ids = new HashSet<>();
        CATALOG.cloudTrailRules().forEach(r -> ids.add(r.id()));
        for (int n = 1; n <= 15; n++) {
            assertThat(ids).contains("cis-4." + n);
        }
        assertThat(ids).contains("cloudtrail-logging-stopped", "vpc-flow-logs-deleted", "guardduty-detector-disabled",
                "securityhub-findings-suppressed", "cloudtrail-selectors-changed", "organizations-leave",
                "security-group-admin-port-open-to-world", "iam-access-key-for-other-user",
                "iam-login-profile-changed-for-other-user", "ebs-snapshot-shared", "ami-shared", "ssm-send-command",
                "ec2-user-data-modified", "ebs-default-encryption-disabled", "region-enabled",
                "s3-versioning-suspended", "root-console-login-failures", "unauthorized-api-calls-burst",
                "reconnaissance-access-denied");
        assertThat(CATALOG.find("root-console-login-failures").orElseThrow().threshold().count()).isEqualTo(5);
        assertThat(CATALOG.find("unauthorized-api-calls-burst").orElseThrow().threshold().count()).isEqualTo(20);
        assertThat(CATALOG.find("reconnaissance-access-denied").orElseThrow().threshold().count()).isEqualTo(15);
        assertThat(CATALOG.all().stream().filter(r -> !r.isCloudTrail()).count()).isEqualTo(14);
    }

    @Test
    void everyRuleIsListedInTheDocumentation() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/detections.md"));
        for (Rule rule : CATALOG.all()) {
            assertThat(docs).as("docs/detections.md lists %s", rule.id()).contains("| `" + rule.id() + "` | "
                    + rule.severity().name() + " | " + rule.titleJa() + " / " + rule.titleEn() + " |");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRuleAgainstItsCraftedRecords() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : CATALOG.cloudTrailRules()) {
            tests.add(dynamicTest(rule.id(), () -> {
                JsonNode cases;
                try (InputStream in = getClass().getResourceAsStream("/rule-cases/" + rule.id() + ".json")) {
                    assertThat(in).as("test cases for rule %s", rule.id()).isNotNull();
                    cases = JSON.readTree(in);
                }
                assertThat(cases.path("match").size()).as("positive cases").isGreaterThan(0);
                assertThat(cases.path("no_match").size()).as("negative cases").isGreaterThan(0);
                int i = 0;
                for (JsonNode record : cases.path("match")) {
                    assertThat(matchedRules(record)).as("%s match[%d]: %s", rule.id(), i++, record).contains(rule.id());
                }
                i = 0;
                for (JsonNode record : cases.path("no_match")) {
                    assertThat(matchedRules(record)).as("%s no_match[%d]: %s", rule.id(), i++, record)
                            .doesNotContain(rule.id());
                }
            }));
        }
        return tests.stream();
    }

    /** The ids of every rule that matches {@code partial} laid over a plain IAM user API call. */
    static Set<String> matchedRules(JsonNode partial) {
        ObjectNode record = base();
        partial.properties().forEach(e -> record.set(e.getKey(), e.getValue()));
        Set<String> matched = new HashSet<>();
        String file = "{\"Records\":[" + record + "]}";
        long[] accepted = {0};
        new CloudTrailReader().read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), TimeWindow.ANY, event -> {
            accepted[0]++;
            INDEX.match(event, rule -> matched.add(rule.id()));
        }, (position, reason, excerpt, records) -> {
            throw new AssertionError("fixture record rejected: " + reason);
        });
        assertThat(accepted[0]).isEqualTo(1);
        return matched;
    }

    static ObjectNode base() {
        ObjectNode r = JSON.createObjectNode();
        r.put("eventVersion", "1.09");
        r.put("eventTime", "2025-06-02T01:00:00Z");
        r.put("eventSource", "ec2.amazonaws.com");
        r.put("eventName", "DescribeInstances");
        r.put("awsRegion", "ap-northeast-1");
        r.put("sourceIPAddress", "203.0.113.10");
        r.put("userAgent", "aws-cli/2.15.0");
        r.set("userIdentity", JSON.valueToTree(Map.of("type", "IAMUser", "arn", "arn:aws:iam::111122223333:user/alice",
                "accountId", "111122223333", "userName", "alice")));
        r.put("eventType", "AwsApiCall");
        r.put("eventID", java.util.UUID.randomUUID().toString());
        r.put("recipientAccountId", "111122223333");
        return r;
    }
}
