package jp.govcloudops.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jp.govcloudops.config.Severity;
import jp.govcloudops.format.Decompression;
import jp.govcloudops.support.SharedDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The real CloudTrail samples of the shared datasets (Panther's rule test events, Stratus Red Team detonations)
 * through ingestion and detection. For each attack the acceptance list names, every record of it that ingestion
 * accepts must be in the evidence of a finding of the right rule, and that finding must name the event.
 * (Records whose eventTime is not ISO-8601 are quarantined by ingestion and so cannot raise findings.)
 */
class SharedDatasetFindingsTest {

    record Expectation(String eventName, String ruleId, Predicate<JsonNode> attack) {
    }

    static final List<Expectation> EXPECTED = List.of(
            new Expectation("StopLogging", "cloudtrail-logging-stopped", r -> true),
            new Expectation("DeleteFlowLogs", "vpc-flow-logs-deleted", r -> true),
            new Expectation("AuthorizeSecurityGroupIngress", "security-group-admin-port-open-to-world",
                    SharedDatasetFindingsTest::opensSshToTheWorld),
            new Expectation("ConsoleLogin", "cis-4.2", r -> r.path("userIdentity").path("type").asString().equals("IAMUser")
                    && r.path("responseElements").path("ConsoleLogin").asString().equals("Success")
                    && !r.path("additionalEventData").path("MFAUsed").asString().equals("Yes")),
            new Expectation("ModifySnapshotAttribute", "ebs-snapshot-shared",
                    r -> !r.path("requestParameters").path("createVolumePermission").path("add").isMissingNode()),
            new Expectation("ModifyImageAttribute", "ami-shared",
                    r -> !r.path("requestParameters").path("launchPermission").path("add").isMissingNode()),
            new Expectation("SendCommand", "ssm-send-command", r -> true),
            new Expectation("ModifyInstanceAttribute", "ec2-user-data-modified",
                    r -> r.path("requestParameters").has("userData")
                            || r.path("requestParameters").path("attribute").asString().equals("userData")),
            new Expectation("LeaveOrganization", "organizations-leave", r -> true));

    @TempDir
    Path dir;

    @Test
    void everyAttackRecordOfTheSharedDatasetsRaisesItsFinding() throws Exception {
        Path source = Files.createDirectories(dir.resolve("logs"));
        Path folder = Files.createDirectories(source.resolve("AWSLogs/123456789012/CloudTrail/us-east-1/2025/01/01"));
        List<Path> inputs = new ArrayList<>();
        inputs.add(SharedDatasets.file("cloudtrail/panther/panther_cloudtrail_test_events.json.gz"));
        try (var files = Files.list(SharedDatasets.file("cloudtrail/stratus-red-team"))) {
            files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(inputs::add);
        }
        int n = 0;
        for (Path input : inputs) {
            Files.copy(input, folder.resolve("123456789012_CloudTrail_us-east-1_20250101T0000Z_" + (n++)
                    + (input.toString().endsWith(".gz") ? ".json.gz" : ".json")));
        }

        // The records ingestion accepts (ISO-8601 eventTime), read independently of the detection code.
        List<JsonNode> accepted = new ArrayList<>();
        for (Path input : inputs) {
            try (InputStream in = Decompression.open(Files.newInputStream(input))) {
                JsonNode root = LogFixtures.JSON.readTree(in);
                for (JsonNode r : root.isArray() ? root : root.path("Records")) {
                    if (r.path("eventTime").asString("").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)")) {
                        accepted.add(r);
                    }
                }
            }
        }

        // Rule test events carry dates of their own, years apart, all in one folder here: the window that quarantines
        // times far from their folder date is widened to cover them (SharedDatasetsOverS3Test lays them out by date).
        try (StoreContext store = new StoreContext(dir, source, "--govcloud.ingest.record-time-window=3650d")) {
            store.ingest(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-01"), false);
            LocalDate from = LocalDate.parse("2018-12-30");
            LocalDate to = LocalDate.parse("2026-01-01");
            DetectionService detection = store.bean(DetectionService.class);
            detection.run(detection.window(from, to));
            List<FindingStore.Stored> findings = store.bean(FindingStore.class).list(from, to, Severity.INFORMATIONAL,
                    false);
            Map<Long, JsonNode> evidence = new java.util.HashMap<>();
            for (FindingStore.Stored f : findings) {
                evidence.put(f.id(), LogFixtures.JSON.readTree(store.bean(FindingStore.class).get(f.id()).orElseThrow()
                        .evidence()));
            }
            int checked = 0;
            List<String> present = new ArrayList<>();
            for (Expectation e : EXPECTED) {
                for (JsonNode record : accepted) {
                    if (!record.path("eventName").asString("").equals(e.eventName()) || !e.attack().test(record)) {
                        continue;
                    }
                    String eventId = record.path("eventID").asString(null);
                    boolean found = findings.stream().anyMatch(f -> f.ruleId().equals(e.ruleId())
                            && f.eventNames().contains(e.eventName())
                            && (eventId == null || contains(evidence.get(f.id()).path("event_ids"), eventId)));
                    assertThat(found).as("%s record %s (%s) must raise a %s finding naming it", e.eventName(), eventId,
                            record.path("eventTime").asString(), e.ruleId()).isTrue();
                    checked++;
                    present.add(e.eventName());
                }
            }
            System.out.println("Attack records checked: " + checked + " (" + present.stream().distinct().toList()
                    + "); findings: " + findings.size());
            assertThat(present).contains("StopLogging", "AuthorizeSecurityGroupIngress", "ConsoleLogin",
                    "ModifySnapshotAttribute", "ModifyImageAttribute", "SendCommand");
        }
    }

    static boolean opensSshToTheWorld(JsonNode r) {
        List<JsonNode> permissions = new ArrayList<>();
        r.path("requestParameters").path("ipPermissions").path("items").forEach(permissions::add);
        permissions.add(r.path("requestParameters"));
        for (JsonNode p : permissions) {
            String from = p.path("fromPort").asString("");
            String to = p.path("toPort").asString("");
            boolean ssh = from.isEmpty() ? p.path("ipProtocol").asString("").equals("-1")
                    : Integer.parseInt(from) <= 22 && 22 <= Integer.parseInt(to);
            boolean world = p.path("cidrIp").asString("").endsWith("/0");
            for (JsonNode range : p.path("ipRanges").path("items")) {
                world |= range.path("cidrIp").asString("").endsWith("/0");
            }
            if (ssh && world) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asString().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
