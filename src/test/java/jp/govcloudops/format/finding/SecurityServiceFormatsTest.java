package jp.govcloudops.format.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jp.govcloudops.format.Decompression;
import jp.govcloudops.format.RecordLimits;
import jp.govcloudops.format.UnreadableInputException;
import jp.govcloudops.format.config.ConfigChange;
import jp.govcloudops.format.config.ConfigReader;
import jp.govcloudops.support.SharedDatasets;
import org.junit.jupiter.api.Test;

class SecurityServiceFormatsTest {

    record Outcome(List<Object> records, List<String> rejected, String unreadable) {
    }

    /** Upstream files that are not JSON: the reader must stop on them with a reason, not invent records. */
    private static final java.util.Set<String> NOT_JSON = java.util.Set.of(
            "asff_health_provider.INVALID-JSON.txt", "asff_sample_control_finding_consolidated-security-control.INVALID-JSON.txt",
            "asff_sample_control_finding_nist-800-53.INVALID-JSON.txt", "awsdocs_delivery_failed_notification.txt",
            "awsdocs_oversized_CI_change_notification.txt", "AWS_EC2_NetworkInterface.json");

    @Test
    void everySampleFileIsReadOrRejectedWithAReason() throws IOException {
        Map<String, int[]> totals = new TreeMap<>();
        for (String folder : List.of("guardduty", "securityhub", "config")) {
            for (Path f : files(folder)) {
                Outcome o = read(folder, f);
                String name = f.getFileName().toString();
                if (NOT_JSON.contains(name)) {
                    assertThat(o.unreadable()).as(name).contains("unreadable JSON");
                    // values before the broken part stand (the health example's finding is whole, then a stray ']')
                    assertThat(o.records().size()).as(name).isLessThanOrEqualTo(1);
                } else {
                    assertThat(o.unreadable()).as(name).isNull();
                    assertThat(o.records().size() + o.rejected().size()).as(name).isPositive();
                }
                int[] t = totals.computeIfAbsent(folder + "/" + SharedDatasets.root().resolve(folder).relativize(f)
                        .getName(0), k -> new int[2]);
                t[0] += o.records().size();
                t[1] += o.rejected().size();
            }
        }
        assertThat(totals).containsEntry("guardduty/panther", new int[] {22, 0})
                .containsEntry("guardduty/cloud-custodian", new int[] {2, 0})
                .containsEntry("securityhub/aws-solutions-asr", new int[] {101, 0})
                .containsEntry("securityhub/awsdocs", new int[] {6 + 1, 0})
                // the 6 documented examples and the health finding before its file breaks
                .containsEntry("securityhub/cloud-custodian", new int[] {19, 1})
                // one item per file; ACM's capture time is a Python repr; the broken network interface file
                // breaks after its item
                .containsEntry("config/aws-config-rdk", new int[] {57, 1});
    }

    @Test
    void guardDutyExportKeepsIdsBandsAndTimes() throws IOException {
        List<ServiceFinding> findings = findings("guardduty", "guardduty/panther/panther_guardduty_findings.jsonl.gz");
        assertThat(findings).hasSize(11);
        assertThat(findings).extracting(ServiceFinding::sourceId).containsOnlyOnce("8c258d654378414b9bc26f61a93eb816")
                .filteredOn(id -> id.equals("eeb88ab56556eb7771b266670dddee5a")).hasSize(6);
        ServiceFinding attack = findings.get(0);
        assertThat(attack.key()).isEqualTo("guardduty:8c258d654378414b9bc26f61a93eb816");
        assertThat(attack.severity()).isEqualTo("CRITICAL");
        assertThat(attack.family()).isEqualTo("AttackSequence");
        assertThat(attack.updatedAt()).isEqualTo(java.time.Instant.parse("2025-02-25T20:40:06.721Z"));
        assertThat(attack.accountId()).isEqualTo("123456789012");
        assertThat(findings).extracting(ServiceFinding::severity).containsExactly("CRITICAL", "CRITICAL", "HIGH",
                "HIGH", "MEDIUM", "MEDIUM", "LOW", "LOW", "HIGH", "HIGH", "LOW");
        assertThat(findings.get(2).resourceType()).isNull(); // hand-written test data without a resource
        assertThat(findings.get(2).firstSeen()).isEqualTo(java.time.Instant.parse("2020-02-14T17:59:17Z"));
        // The bare array is the same findings.
        assertThat(findings("guardduty", "guardduty/panther/panther_guardduty_findings.json"))
                .extracting(ServiceFinding::key, ServiceFinding::severity, ServiceFinding::updatedAt)
                .isEqualTo(findings.stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.key(), f.severity(),
                        f.updatedAt())).toList());
    }

    @Test
    void securityHubFindingsOfGuardDutyShareTheGuardDutyKey() throws IOException {
        List<ServiceFinding> docs = findings("securityhub", "securityhub/awsdocs/awsdocs_asff_examples.json");
        assertThat(docs).filteredOn(f -> f.origin().equals("guardduty")).singleElement()
                .satisfies(f -> assertThat(f.key()).startsWith("guardduty:").doesNotContain("arn:"));
        List<ServiceFinding> placebo = findings("securityhub",
                "securityhub/cloud-custodian/placebo/test_security_hub_mode_action_insight/securityhub.GetFindings_1.json");
        assertThat(placebo).filteredOn(f -> f.origin().equals("guardduty")).hasSize(5).allSatisfy(f -> {
            assertThat(f.key()).matches("guardduty:[0-9a-f]{32}");
            assertThat(f.severity()).isEqualTo("MEDIUM"); // Normalized 50, no Label
        });
        List<ServiceFinding> asr = new ArrayList<>();
        for (Path f : files("securityhub/aws-solutions-asr")) {
            read("securityhub", f).records().forEach(r -> asr.add((ServiceFinding) r));
        }
        Map<String, Long> compliance = new TreeMap<>();
        asr.forEach(f -> compliance.merge(String.valueOf(f.compliance()), 1L, Long::sum));
        assertThat(compliance).containsEntry("FAILED", 87L).containsEntry("WARNING", 8L).containsEntry("PASSED", 6L);
        assertThat(asr).extracting(ServiceFinding::key).allMatch(k -> k.startsWith("securityhub:"));
    }

    @Test
    void configItemsInBothKeyShapesAndNotifications() throws IOException {
        List<ConfigChange> history = changes("config/awsdocs/derived_ConfigHistory_from_awsdocs_sns_items.json.gz");
        assertThat(history).extracting(ConfigChange::resourceType, ConfigChange::changeType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AWS::EC2::Instance", "UPDATE"),
                        org.assertj.core.groups.Tuple.tuple("AWS::EC2::SecurityGroup", "CREATE"));
        ConfigChange s3 = changes("config/aws-config-rdk/example_ci/AWS_S3_Bucket.json").get(0);
        assertThat(s3.accountId()).isNotNull(); // awsAccountId, the S3/SNS form
        assertThat(changes("config/aws-config-rdk/example_ci/AWS_EC2_Instance.json").get(0).accountId()).isNotNull();
        List<ConfigChange> sns = changes("config/awsdocs/awsdocs_sns_notifications.json");
        assertThat(sns).filteredOn(c -> c.kind().equals("COMPLIANCE")).singleElement()
                .satisfies(c -> assertThat(c.ruleName()).isNotBlank());
        assertThat(sns).filteredOn(c -> c.changedKeys() != null).isNotEmpty();
        // configuration as a JSON string, capture times in epoch seconds
        assertThat(changes("config/awsdocs/awsdocs_get-resource-config-history_ConformancePackCompliance.json"))
                .hasSize(2).allSatisfy(c -> assertThat(c.captureTime()).isAfter(java.time.Instant.parse("2015-01-01T00:00:00Z")));
    }

    private static List<Path> files(String folder) throws IOException {
        try (Stream<Path> files = Files.walk(SharedDatasets.root().resolve(folder))) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString()
                    .matches("LICENSE.*|.*expectations.*|LICENSING.*|NOTICE.*|README.*")).sorted().toList();
        }
    }

    private static List<ServiceFinding> findings(String folder, String file) throws IOException {
        return read(folder, SharedDatasets.file(file)).records().stream().map(ServiceFinding.class::cast).toList();
    }

    private static List<ConfigChange> changes(String file) throws IOException {
        return read("config", SharedDatasets.file(file)).records().stream().map(ConfigChange.class::cast).toList();
    }

    static Outcome read(String folder, Path file) throws IOException {
        List<Object> records = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        String unreadable = null;
        try (InputStream in = Decompression.open(Files.newInputStream(file))) {
            switch (folder) {
                case "guardduty" -> new GuardDutyReader(RecordLimits.DEFAULT).read(in, records::add, (p, r, e, n) -> rejected.add(p + ": " + r));
                case "securityhub" -> new SecurityHubReader(RecordLimits.DEFAULT).read(in, records::add, (p, r, e, n) -> rejected.add(p + ": " + r));
                default -> new ConfigReader(RecordLimits.DEFAULT).read(in, records::add, (p, r, e, n) -> rejected.add(p + ": " + r));
            }
        } catch (UnreadableInputException e) {
            unreadable = e.position() + ": " + e.getMessage();
        }
        return new Outcome(records, rejected, unreadable);
    }
}
