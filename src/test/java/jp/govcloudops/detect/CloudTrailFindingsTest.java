package jp.govcloudops.detect;

import static jp.govcloudops.detect.LogFixtures.ACCOUNT;
import static jp.govcloudops.detect.LogFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.govcloudops.calendar.ServiceHours;
import jp.govcloudops.config.Severity;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CloudTrail rule findings through the real pipeline: files in the AWSLogs layout, the ingestion job, the nightly
 * detection stage, and reprocessing that must keep operators' statuses.
 */
class CloudTrailFindingsTest {

    // Monday 2025-06-02 10:00 JST = 01:00 UTC (inside 受付時間); 22:00 JST = 13:00 UTC (outside).
    static final Instant T = Instant.parse("2025-06-02T01:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2025-06-02");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void rulesBecomeFindingsThatSurviveReprocessingWithTheirStatus(String database) throws Exception {
        Path source = Files.createDirectories(dir.resolve("logs"));
        List<ObjectNode> records = new ArrayList<>();
        records.add(event(T, "cloudtrail.amazonaws.com", "StopLogging", "mallory",
                Map.of("requestParameters", Map.of("name", "arn:aws:cloudtrail:ap-northeast-1:" + ACCOUNT + ":trail/main"))));
        ObjectNode login = event(T.plusSeconds(12 * 3600), "signin.amazonaws.com", "ConsoleLogin", "bob",
                Map.of("additionalEventData", Map.of("MFAUsed", "No"), "responseElements", Map.of("ConsoleLogin",
                        "Success")));
        records.add(login);
        for (int i = 0; i < 6; i++) {
            ObjectNode failed = event(T.plusSeconds(3600 + i * 60), "signin.amazonaws.com", "ConsoleLogin", "root",
                    Map.of("responseElements", Map.of("ConsoleLogin", "Failure"), "errorMessage",
                            "Failed authentication"));
            failed.set("userIdentity", LogFixtures.JSON.valueToTree(Map.of("type", "Root", "arn",
                    "arn:aws:iam::" + ACCOUNT + ":root", "accountId", ACCOUNT)));
            records.add(failed);
        }
        // 25 denied calls by one key within an hour, and 3 by another (below the threshold of 20 a day)
        for (int i = 0; i < 25; i++) {
            records.add(event(T.plusSeconds(7200 + i * 30), "s3.amazonaws.com", "GetObject", "leaked",
                    Map.of("errorCode", "AccessDenied", "errorMessage", "Access Denied")));
        }
        for (int i = 0; i < 3; i++) {
            records.add(event(T.plusSeconds(7200 + i * 30), "s3.amazonaws.com", "GetObject", "carol",
                    Map.of("errorCode", "AccessDenied")));
        }
        Path first = LogFixtures.cloudTrail(source, ACCOUNT, T.plusSeconds(13 * 3600), records);

        try (StoreContext store = new StoreContext(TestStore.of(database, dir), source)) {
            store.ingest(DAY.minusDays(1), DAY, false);
            String printed = store.detect(DAY);
            assertThat(printed).contains("detection 2025-05-29..2025-06-02");
            FindingStore findings = store.bean(FindingStore.class);
            List<FindingStore.Stored> all = findings.list(DAY, DAY, Severity.INFORMATIONAL, false);

            FindingStore.Stored stop = one(all, "cloudtrail-logging-stopped");
            assertThat(stop.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(stop.eventNames()).isEqualTo("StopLogging");
            assertThat(stop.accountId()).isEqualTo(ACCOUNT);
            assertThat(stop.principal()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/mallory");
            assertThat(stop.resource()).contains("trail/main");
            assertThat(stop.serviceHours()).isEqualTo(ServiceHours.Status.INSIDE);
            assertThat(stop.countermeasureJa()).contains("StartLogging");
            JsonNode evidence = LogFixtures.JSON.readTree(findings.get(stop.id()).orElseThrow().evidence());
            assertThat(evidence.path("records").get(0).path("eventName").asString()).isEqualTo("StopLogging");
            assertThat(evidence.path("records").get(0).path("eventID").asString())
                    .isEqualTo(records.get(0).path("eventID").asString());
            one(all, "cis-4.5");

            FindingStore.Stored noMfa = one(all, "cis-4.2");
            assertThat(noMfa.serviceHours()).isEqualTo(ServiceHours.Status.OUTSIDE);
            assertThat(noMfa.principal()).endsWith("user/bob");

            FindingStore.Stored rootFailures = one(all, "root-console-login-failures");
            assertThat(rootFailures.matchCount()).isEqualTo(6);
            assertThat(rootFailures.summaryJa()).contains("15分以内に6回（しきい値5回）");
            assertThat(all.stream().filter(f -> f.ruleId().equals("cis-4.6")).count()).isEqualTo(1);

            FindingStore.Stored burst = one(all, "unauthorized-api-calls-burst");
            assertThat(burst.principal()).endsWith("user/leaked");
            assertThat(burst.matchCount()).isEqualTo(25);
            // cis-4.1: one per principal per day
            assertThat(all.stream().filter(f -> f.ruleId().equals("cis-4.1")).map(FindingStore.Stored::principal))
                    .containsExactlyInAnyOrder("arn:aws:iam::" + ACCOUNT + ":user/leaked",
                            "arn:aws:iam::" + ACCOUNT + ":user/carol");

            // The views give the same findings with Japan times and Japanese labels.
            Map<String, Object> row = store.jdbc().queryForMap("SELECT severity_ja, first_event_jst, status_ja,"
                    + " service_hours_ja FROM findings WHERE id = ?", stop.id());
            assertThat(row.get("severity_ja")).isEqualTo("緊急");
            assertThat(row.get("status_ja")).isEqualTo("未対応");
            assertThat(row.get("service_hours_ja")).isEqualTo("受付時間内");
            assertThat(row.get("first_event_jst").toString()).startsWith("2025-06-02 10:00");
            assertThat(store.jdbc().queryForObject("SELECT SUM(findings) FROM finding_daily WHERE day = ?", Long.class,
                    DAY)).isEqualTo(all.size());

            // An operator works on two findings.
            findings.setStatus(stop.id(), FindingStatus.parse("対応中"), "担当者に確認中", "tester");
            findings.setStatus(noMfa.id(), FindingStatus.FALSE_POSITIVE, "検証用ユーザー", "tester");
            int count = all.size();

            // Re-running the night changes nothing.
            store.detect(DAY);
            assertThat(findings.list(DAY, DAY, Severity.INFORMATIONAL, false)).hasSize(count);

            // A late object with another StopLogging in the same hour joins the same finding.
            LogFixtures.cloudTrail(source, ACCOUNT, T.plusSeconds(14 * 3600), List.of(event(T.plusSeconds(600),
                    "cloudtrail.amazonaws.com", "StopLogging", "mallory", Map.of("requestParameters", Map.of("name",
                    "arn:aws:cloudtrail:ap-northeast-1:" + ACCOUNT + ":trail/main")))));
            store.ingest(DAY.minusDays(1), DAY, false);
            store.detect(DAY.plusDays(1));
            FindingStore.Stored stopAgain = findings.get(stop.id()).orElseThrow();
            assertThat(stopAgain.matchCount()).isEqualTo(2);
            assertThat(stopAgain.status()).isEqualTo(FindingStatus.IN_PROGRESS);
            assertThat(findings.list(DAY, DAY, Severity.INFORMATIONAL, false)).hasSize(count);

            // Reprocessing the partition from scratch re-derives the same findings: same ids, statuses kept.
            store.ingest(DAY.minusDays(1), DAY, true);
            store.detect(DAY.plusDays(1));
            List<FindingStore.Stored> after = findings.list(DAY, DAY, Severity.INFORMATIONAL, false);
            assertThat(after).hasSize(count);
            assertThat(findings.get(stop.id()).orElseThrow().status()).isEqualTo(FindingStatus.IN_PROGRESS);
            assertThat(findings.get(noMfa.id()).orElseThrow().status()).isEqualTo(FindingStatus.FALSE_POSITIVE);
            assertThat(findings.history(stop.id())).hasSize(1).first()
                    .satisfies(h -> assertThat(h.note()).isEqualTo("担当者に確認中"));

            // The first object is replaced by one without the console login and the root failures: the untouched
            // finding disappears, the one an operator marked stays, flagged as no longer derived.
            records.remove(login);
            records.removeIf(r -> r.path("userIdentity").path("type").asString().equals("Root"));
            LogFixtures.rewrite(first, records);
            store.ingest(DAY.minusDays(1), DAY, true);
            store.detect(DAY.plusDays(1));
            List<FindingStore.Stored> reduced = findings.list(DAY, DAY, Severity.INFORMATIONAL, true);
            assertThat(reduced.stream().filter(f -> f.ruleId().equals("root-console-login-failures"))).isEmpty();
            FindingStore.Stored kept = findings.get(noMfa.id()).orElseThrow();
            assertThat(kept.derived()).isFalse();
            assertThat(kept.status()).isEqualTo(FindingStatus.FALSE_POSITIVE);
            assertThat(findings.list(DAY, DAY, Severity.INFORMATIONAL, false).stream()
                    .filter(f -> f.id() == noMfa.id())).isEmpty();
        }
    }

    static FindingStore.Stored one(List<FindingStore.Stored> all, String ruleId) {
        List<FindingStore.Stored> matching = all.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertThat(matching).as("findings of %s among %s", ruleId, all.stream().map(FindingStore.Stored::ruleId).toList())
                .hasSize(1);
        return matching.get(0);
    }
}
