package jp.govcloudops.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jp.govcloudops.pipeline.MailStage;
import jp.govcloudops.support.SharedDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * GuardDuty's export end to end on a file store: the shared sample export and a later export of one finding with a
 * higher count, laid out as GuardDuty writes them; one finding per GuardDuty id, updated in place with its history
 * of counts, mailed once through a real SMTP server with its 対応策, kept by a rebuild and by reprocessing.
 */
class SecurityServiceFindingsTest {

    static final String ACCOUNT = "111122223333";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PREFIX = "AWSLogs/" + ACCOUNT + "/GuardDuty/ap-northeast-1/";

    @TempDir
    Path dir;

    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void guardDutyFindingsAreStoredOncePerIdWithTheirCountsAndMailedOnce() throws Exception {
        Path source = Files.createDirectories(dir.resolve("logs"));
        Path first = Files.createDirectories(source.resolve(PREFIX + "2025/07/11"));
        Files.copy(SharedDatasets.file("guardduty/panther/panther_guardduty_findings.jsonl.gz"),
                first.resolve("6a2f1c3e-0b7d-4b1e-9d61-2c1f0e5b7a11.jsonl.gz"));
        // GuardDuty exports the bitcoin finding again the next day with a higher count; plus a line that is no finding.
        Path second = Files.createDirectories(source.resolve(PREFIX + "2025/07/12"));
        LogFixtures.gzip(second.resolve("9c0e7d55-51a8-4f3a-8f1e-3b0d2b6e4c22.jsonl.gz"), """
                {"accountId":"111122223333","id":"abcdef123456","type":"CryptoCurrency:EC2/BitcoinTool.B","severity":8,\
                "title":"EC2 instance i-0abc is querying a domain associated with Bitcoin","region":"ap-northeast-1",\
                "resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0abc"}},\
                "service":{"count":5,"eventFirstSeen":"2025-07-11T20:59:01Z","eventLastSeen":"2025-07-12T00:55:00Z",\
                "archived":false},"createdAt":"2025-07-11T20:59:01.571Z","updatedAt":"2025-07-12T01:00:00.000Z"}
                {"message":"not a finding"}
                """);

        try (StoreContext store = new StoreContext(dir, source, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--govcloud.mail.from=govcloud-ops@pref.example.jp",
                "--govcloud.detection.notifications.recipients[0]=soc@pref.example.jp")) {
            LocalDate day = LocalDate.parse("2025-07-12");
            store.ingest(day.minusDays(2), day, false);
            night(store, day);

            List<Map<String, Object>> findings = store.jdbc().queryForList("SELECT source, source_id, also_in,"
                    + " account_id, severity, day, first_event_utc, match_count, rule_id, status FROM findings"
                    + " WHERE source = 'guardduty' ORDER BY source_id");
            assertThat(findings).extracting(f -> f.get("SOURCE_ID")).containsExactly(
                    "8c258d654378414b9bc26f61a93eb816", "abcdef123456", "abcdef654321", "abcdef789012",
                    "b174b38d16e34da0a4c66012083bd8f7", "eeb88ab56556eb7771b266670dddee5a");
            Map<String, Object> bitcoin = findings.get(1);
            assertThat(bitcoin).containsEntry("SEVERITY", "HIGH").containsEntry("MATCH_COUNT", 5L)
                    .containsEntry("ACCOUNT_ID", ACCOUNT).containsEntry("DAY", java.sql.Date.valueOf(day));
            assertThat(bitcoin.get("FIRST_EVENT_UTC").toString()).startsWith("2025-07-12 01:00:00");
            assertThat(findings.get(0)).containsEntry("SEVERITY", "CRITICAL")
                    .containsEntry("ACCOUNT_ID", "123456789012");
            // Six exports of one id with the same time and count: the most severe stands.
            assertThat(findings.get(5)).containsEntry("SEVERITY", "HIGH");
            assertThat(store.jdbc().queryForList("SELECT seen_count FROM service_finding_history"
                    + " WHERE finding_id = (SELECT id FROM finding WHERE source_id = 'abcdef123456')"
                    + " ORDER BY updated_utc", Long.class)).containsExactly(1L, 5L);
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM quarantine", Long.class)).isEqualTo(1L);

            MimeMessage[] mails = smtp.getReceivedMessages();
            MimeMessage mail = Arrays.stream(mails).filter(m -> subject(m).contains("BitcoinTool")).findFirst()
                    .orElseThrow();
            assertThat(subject(mail)).startsWith("[govcloud-ops][重要度 高] GuardDuty（暗号資産の採掘）"); // a Saturday: outside 受付時間
            assertThat((String) mail.getContent()).contains("■ 対応策").contains("インスタンスを隔離")
                    .contains("■ 発生日時: 2025-07-12 10:00:00 JST（受付時間外）");
            int sent = mails.length;

            // The same night again, a rebuild and a forced reprocessing: the same findings, nothing mailed again.
            night(store, day);
            store.bean(DetectionService.class).run(store.bean(DetectionService.class).window(day, day));
            store.ingest(day.minusDays(2), day, true);
            night(store, day);
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM findings WHERE source = 'guardduty'",
                    Long.class)).isEqualTo(6L);
            assertThat(store.jdbc().queryForObject("SELECT match_count FROM findings WHERE source_id = 'abcdef123456'",
                    Long.class)).isEqualTo(5L);
            assertThat(smtp.getReceivedMessages()).hasSize(sent);
        }
    }

    /**
     * Security Hub through EventBridge and Firehose: the shared control findings and GuardDuty findings as imported
     * events, newline-separated in hour folders below the configured prefix, with an insight event among them; one
     * of the GuardDuty findings also in GuardDuty's own export. Later deliveries resolve one control and archive
     * another.
     */
    @Test
    void securityHubFindingsAreDeduplicatedAndFollowTheirWorkflow() throws Exception {
        Path source = Files.createDirectories(dir.resolve("logs"));
        List<JsonNode> controls = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedDatasets.file("securityhub/aws-solutions-asr/simdata"))) {
            for (Path f : files.sorted().toList()) {
                JsonNode node = JSON.readTree(f.toFile());
                if (node.has("detail")) {
                    node.get("detail").get("findings").forEach(controls::add);
                } else {
                    controls.add(node);
                }
            }
        }
        JsonNode placebo = JSON.readTree(SharedDatasets.file("securityhub/cloud-custodian/placebo/"
                + "test_security_hub_mode_action_insight/securityhub.GetFindings_1.json").toFile());
        List<JsonNode> guardDuty = new ArrayList<>();
        placebo.get("data").get("Findings").forEach(f -> {
            if (f.get("ProductArn").asString().endsWith("/guardduty")) {
                guardDuty.add(f);
            }
        });
        StringBuilder hour3 = new StringBuilder();
        for (int i = 0; i < controls.size(); i += 2) { // two findings per event, as EventBridge batches them
            hour3.append(imported(controls.subList(i, Math.min(i + 2, controls.size())))).append('\n');
        }
        hour3.append(imported(guardDuty)).append('\n');
        hour3.append(Files.readString(SharedDatasets.file("securityhub/cloud-custodian/cwe/event-securityhub-insight-2.json"))
                .replaceAll("\\s*\n\\s*", " ")).append('\n');
        Path folder = Files.createDirectories(source.resolve("securityhub/2025/07/14/03"));
        LogFixtures.gzip(folder.resolve("securityhub-to-s3-1-2025-07-14-03-12-00-5f1e.gz"), hour3.toString());

        // Two hours later: one control resolved, another archived.
        ObjectNode resolved = ((ObjectNode) controls.get(0).deepCopy());
        resolved.put("UpdatedAt", "2025-07-14T05:10:00.000Z");
        resolved.putObject("Workflow").put("Status", "RESOLVED");
        ObjectNode archived = ((ObjectNode) controls.get(2).deepCopy());
        archived.put("UpdatedAt", "2025-07-14T05:11:00.000Z");
        archived.put("RecordState", "ARCHIVED");
        Path later = Files.createDirectories(source.resolve("securityhub/2025/07/14/05"));
        LogFixtures.gzip(later.resolve("securityhub-to-s3-1-2025-07-14-05-12-00-77aa.gz"),
                imported(List.of(resolved)) + imported(List.of(archived))); // back to back, no newline

        // GuardDuty's own export of one of the imported findings.
        JsonNode imported = guardDuty.get(0);
        String gdId = imported.get("Id").asString().replaceAll(".*/finding/", "");
        Path export = Files.createDirectories(source.resolve("AWSLogs/" + imported.get("AwsAccountId").asString()
                + "/GuardDuty/us-east-1/2025/07/14"));
        LogFixtures.gzip(export.resolve("1e0d.jsonl.gz"), "{\"id\":\"" + gdId + "\",\"type\":\"Recon:IAMUser/MaliciousIPCaller\","
                + "\"severity\":5,\"accountId\":\"" + imported.get("AwsAccountId").asString() + "\",\"region\":\"us-east-1\","
                + "\"service\":{\"count\":9},\"updatedAt\":\"" + imported.get("UpdatedAt").asString() + "\"}\n");

        try (StoreContext store = new StoreContext(dir, source)) {
            LocalDate day = LocalDate.parse("2025-07-14");
            store.ingest(day, day, false);
            store.detect(day);

            Map<String, Long> bySource = new java.util.TreeMap<>();
            store.jdbc().queryForList("SELECT source, COUNT(*) AS n FROM findings GROUP BY source")
                    .forEach(r -> bySource.put((String) r.get("SOURCE"), ((Number) r.get("N")).longValue()));
            long distinct = controls.stream().map(c -> c.get("Id").asString()).distinct().count();
            long onlyPassed = controls.stream().collect(java.util.stream.Collectors.groupingBy(c -> c.get("Id").asString()))
                    .values().stream().filter(l -> l.stream().allMatch(c -> "PASSED".equals(c.path("Compliance")
                            .path("Status").asString(null)))).count();
            assertThat(bySource).containsEntry("securityhub", distinct - onlyPassed).containsEntry("guardduty", 5L);
            // The GuardDuty finding delivered by both services is one finding, GuardDuty's, naming Security Hub.
            assertThat(store.jdbc().queryForMap("SELECT source, also_in, match_count FROM findings WHERE source_id = ?",
                    gdId)).containsEntry("SOURCE", "guardduty").containsEntry("ALSO_IN", "securityhub")
                    .containsEntry("MATCH_COUNT", 9L); // the same update: the higher count (Security Hub said 4)
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM service_finding_history WHERE finding_key = ?",
                    Long.class, "guardduty:" + gdId)).isEqualTo(2L);

            assertThat(status(store, controls.get(0))).isEqualTo("RESOLVED");
            assertThat(status(store, controls.get(2))).isEqualTo("WITHDRAWN");
            assertThat(store.jdbc().queryForList("SELECT h.to_status || ' ' || h.changed_by FROM finding_status_history h"
                    + " JOIN finding f ON f.id = h.finding_id WHERE f.source_id = ?", String.class,
                    controls.get(2).get("Id").asString())).containsExactly("WITHDRAWN securityhub");
            assertThat(store.jdbc().queryForList("SELECT reason FROM quarantine", String.class))
                    .containsExactly("EventBridge event of detail-type 'Security Hub Insight Results' holds no Security"
                            + " Hub findings");

            // An operator's status stands while Security Hub's state does not change.
            long id = store.jdbc().queryForObject("SELECT id FROM finding WHERE source_id = ?", Long.class,
                    controls.get(4).get("Id").asString());
            store.bean(FindingStore.class).setStatus(id, FindingStatus.IN_PROGRESS, "調査中", "operator");
            store.detect(day);
            assertThat(status(store, controls.get(4))).isEqualTo("IN_PROGRESS");
        }
    }

    /** AWS Config's history and snapshot files in their unpadded M/D folders become rows of config_change. */
    @Test
    void configItemsAreVisibleAsChanges() throws Exception {
        Path source = Files.createDirectories(dir.resolve("logs"));
        Path day = Files.createDirectories(source.resolve("AWSLogs/" + ACCOUNT + "/Config/ap-northeast-1/2025/7/4"));
        Files.copy(SharedDatasets.file("config/awsdocs/derived_ConfigHistory_from_awsdocs_sns_items.json.gz"),
                Files.createDirectories(day.resolve("ConfigHistory")).resolve(ACCOUNT
                        + "_Config_ap-northeast-1_ConfigHistory_AWS::EC2::Instance_20250704T000000Z_20250704T060000Z_1.json.gz"));
        Files.copy(SharedDatasets.file("config/awsdocs/awsdocs_ConfigSnapshot_example_view-manage-resource-console.json"),
                Files.createDirectories(day.resolve("ConfigSnapshot")).resolve(ACCOUNT
                        + "_Config_ap-northeast-1_ConfigSnapshot_20250704T101010Z_4f6b.json"));
        try (StoreContext store = new StoreContext(dir, source)) {
            store.ingest(LocalDate.parse("2025-07-03"), LocalDate.parse("2025-07-04"), false);
            List<Map<String, Object>> changes = store.jdbc().queryForList("SELECT delivery, resource_type, change_type,"
                    + " changed_keys, related_events, account_id FROM config_change ORDER BY delivery, resource_type");
            assertThat(changes).hasSize(5);
            assertThat(changes).filteredOn(c -> c.get("DELIVERY").equals("history"))
                    .extracting(c -> c.get("RESOURCE_TYPE") + " " + c.get("CHANGE_TYPE"))
                    .containsExactly("AWS::EC2::Instance UPDATE", "AWS::EC2::SecurityGroup CREATE");
            assertThat(changes).filteredOn(c -> c.get("DELIVERY").equals("snapshot")).hasSize(3)
                    .allSatisfy(c -> assertThat(c.get("ACCOUNT_ID")).isEqualTo(ACCOUNT));
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM data_gap", Long.class)).isZero();
        }
    }

    /**
     * AWS Config's compliance change notification (AWS's documented sample, which turns the account COMPLIANT with
     * cloudtrail-enabled) and the change before it to NON_COMPLIANT: the non-compliance is a finding of source
     * config with its 対応策, resolved by the later change with history, and kept by a rebuild.
     */
    @Test
    void configRuleNonComplianceIsAFindingResolvedWhenCompliantAgain() throws Exception {
        Path source = Files.createDirectories(dir.resolve("logs"));
        Path folder = Files.createDirectories(source.resolve("AWSLogs/" + ACCOUNT + "/Config/ap-northeast-1/2025/7/4/Notifications"));
        JsonNode compliant = Stream.of(JSON.readTree(SharedDatasets.file("config/awsdocs/awsdocs_sns_notifications.json")
                .toFile())).flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false))
                .filter(n -> n.toString().contains("ComplianceChangeNotification")).findFirst().orElseThrow();
        JsonNode compliantAgain = compliant.deepCopy();
        ((ObjectNode) compliantAgain.get("Message").get("newEvaluationResult"))
                .put("resultRecordedTime", "2025-07-04T03:00:00.000Z");
        JsonNode nonCompliant = compliant.deepCopy();
        ((ObjectNode) nonCompliant.get("Message").get("newEvaluationResult")).put("complianceType", "NON_COMPLIANT")
                .put("resultRecordedTime", "2025-07-04T01:00:00.000Z");
        ((ObjectNode) nonCompliant.get("Message").get("oldEvaluationResult")).put("complianceType", "COMPLIANT");
        Files.writeString(folder.resolve("a.json"), nonCompliant.toString());
        String sourceId = "cloudtrail-enabled AWS::::Account 123456789012";
        LocalDate day = LocalDate.parse("2025-07-04");
        try (StoreContext store = new StoreContext(dir, source)) {
            store.ingest(day.minusDays(1), day, false);
            store.detect(day);
            Map<String, Object> finding = store.jdbc().queryForMap("SELECT source, severity, status, account_id,"
                    + " countermeasure_ja FROM findings WHERE source_id = ?", sourceId);
            assertThat(finding).containsEntry("SOURCE", "config").containsEntry("SEVERITY", "MEDIUM")
                    .containsEntry("ACCOUNT_ID", "123456789012").containsEntry("STATUS", "NEW");
            assertThat((String) finding.get("COUNTERMEASURE_JA")).contains("デジタル庁");

            Files.writeString(folder.resolve("b.json"), compliantAgain.toString());
            store.ingest(day.minusDays(1), day, false);
            store.detect(day);
            store.bean(DetectionService.class).run(store.bean(DetectionService.class).window(day, day));
            assertThat(store.jdbc().queryForObject("SELECT status FROM findings WHERE source_id = ?", String.class,
                    sourceId)).isEqualTo("RESOLVED");
            assertThat(store.jdbc().queryForList("SELECT h.to_status || ' ' || h.changed_by FROM finding_status_history h"
                    + " JOIN finding f ON f.id = h.finding_id WHERE f.source_id = ?", String.class, sourceId))
                    .containsExactly("RESOLVED config");

            // The account out of the rule's scope: withdrawn.
            JsonNode notApplicable = compliant.deepCopy();
            ((ObjectNode) notApplicable.get("Message").get("newEvaluationResult")).put("complianceType", "NOT_APPLICABLE")
                    .put("resultRecordedTime", "2025-07-04T05:00:00.000Z");
            Files.writeString(folder.resolve("c.json"), notApplicable.toString());
            store.ingest(day.minusDays(1), day, false);
            store.detect(day);
            assertThat(store.jdbc().queryForList("SELECT h.to_status || ' ' || h.changed_by FROM finding_status_history h"
                    + " JOIN finding f ON f.id = h.finding_id WHERE f.source_id = ? ORDER BY h.id", String.class, sourceId))
                    .containsExactly("RESOLVED config", "WITHDRAWN config");
        }
    }

    private static String status(StoreContext store, JsonNode finding) {
        return store.jdbc().queryForObject("SELECT status FROM findings WHERE source_id = ?", String.class,
                finding.get("Id").asString());
    }

    private static String imported(List<JsonNode> findings) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0").put("id", java.util.UUID.randomUUID().toString())
                .put("detail-type", "Security Hub Findings - Imported").put("source", "aws.securityhub")
                .put("account", "111122223333").put("time", "2025-07-14T03:05:00Z").put("region", "ap-northeast-1");
        event.putObject("detail").putArray("findings").addAll(findings);
        return event.toString();
    }

    static void night(StoreContext store, LocalDate day) throws Exception {
        store.detect(day);
        store.bean(MailStage.class).run(day, new PrintWriter(new StringWriter()));
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
