package jp.govcloudops.detect;

import static jp.govcloudops.detect.LogFixtures.ACCOUNT;
import static jp.govcloudops.detect.LogFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jp.govcloudops.pipeline.Pipelines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intraday run against a file store and a real SMTP server: a CRITICAL record and a CRITICAL GuardDuty finding
 * that land during 受付時間 are mailed at once to the operators, once; a run with nothing new launches no ingest job
 * and derives nothing, and the next new object is still read; at
 * night only CRITICAL findings go to the on-call list; the following nightly run counts no object twice and mails
 * no finding again.
 */
class IntradayRunTest {

    static final Instant AFTERNOON = Instant.parse("2025-06-02T05:30:00Z"); // Monday 14:30 JST
    static final Instant EVENING = Instant.parse("2025-06-02T12:00:00Z"); // Monday 21:00 JST
    static final String GUARDDUTY = "AWSLogs/" + ACCOUNT + "/GuardDuty/ap-northeast-1/2025/06/02/";

    @TempDir
    Path dir;

    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void criticalFindingsAreMailedAtOnceToTheListForTheTimeOfDayAndOnlyOnce() throws Exception {
        Path source = Files.createDirectories(dir.resolve("logs"));
        LogFixtures.cloudTrail(source, ACCOUNT, AFTERNOON.plusSeconds(300), List.of(event(AFTERNOON,
                "cloudtrail.amazonaws.com", "StopLogging", "mallory", Map.of("requestParameters", Map.of("name", "main")))));
        Path guardDuty = Files.createDirectories(source.resolve(GUARDDUTY));
        LogFixtures.gzip(guardDuty.resolve("a1.jsonl.gz"), finding("f1", "Backdoor:EC2/C&CActivity.B", 9.5,
                AFTERNOON.plusSeconds(120)));

        try (StoreContext store = new StoreContext(dir, source, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--govcloud.mail.from=govcloud-ops@pref.example.jp",
                "--govcloud.detection.notifications.recipients[0]=soc@pref.example.jp",
                "--govcloud.security-services.intraday.on-call-recipients[0]=oncall@pref.example.jp")) {
            String first = intraday(store, AFTERNOON.plusSeconds(600));
            assertThat(first).contains("2 immediate finding mails queued for the operators (受付時間内)").contains("mail: 2 sent");
            assertThat(recipients()).containsExactly("soc@pref.example.jp", "soc@pref.example.jp");
            assertThat(subjects()).anyMatch(s -> s.contains("[重要度 緊急] CloudTrail ログ記録の停止"))
                    .anyMatch(s -> s.contains("[重要度 緊急] GuardDuty（バックドア"));

            // Nothing new: the listing finds every object in the manifest, so no ingest job is launched, nothing is
            // derived and nothing mailed.
            long jobs = jobExecutions(store);
            String idle = intraday(store, AFTERNOON.plusSeconds(1200));
            assertThat(idle).contains("ingest: nothing new in 2 date folders of 2025-06-01..2025-06-02")
                    .contains("intraday-detection: nothing new since the last run").doesNotContain("objects read");
            assertThat(jobExecutions(store)).isEqualTo(jobs);
            assertThat(smtp.getReceivedMessages()).hasSize(2);

            // In the evening a CRITICAL and a HIGH finding: only the CRITICAL one goes to the on-call list now.
            LogFixtures.gzip(guardDuty.resolve("b2.jsonl.gz"), finding("f2", "UnauthorizedAccess:IAMUser/TorIPCaller", 9.0,
                    EVENING) + finding("f3", "Recon:EC2/PortProbeUnprotectedPort", 7.5, EVENING));
            String evening = intraday(store, EVENING.plusSeconds(600));
            assertThat(evening).contains("1 objects read");
            assertThat(jobExecutions(store)).isEqualTo(jobs + 1);
            assertThat(evening).contains("1 immediate finding mails queued for the on-call list (受付時間外)");
            assertThat(recipients()).containsExactly("soc@pref.example.jp", "soc@pref.example.jp", "oncall@pref.example.jp");

            // The night after: the same objects, not counted again; the HIGH finding is mailed by the night, the
            // others not again.
            long objects = store.jdbc().queryForObject("SELECT COUNT(*) FROM source_object", Long.class);
            long events = store.jdbc().queryForObject("SELECT COALESCE(SUM(events), 0) FROM cloudtrail_daily", Long.class);
            store.ingest(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-02"), false);
            SecurityServiceFindingsTest.night(store, LocalDate.parse("2025-06-02"));
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM source_object", Long.class)).isEqualTo(objects);
            assertThat(store.jdbc().queryForObject("SELECT COALESCE(SUM(events), 0) FROM cloudtrail_daily", Long.class))
                    .isEqualTo(events).isEqualTo(1L);
            assertThat(subjects()).filteredOn(s -> s.contains("緊急")).hasSize(3);
            assertThat(subjects()).filteredOn(s -> s.contains("[重要度 高] GuardDuty（偵察")).hasSize(1);
        }
    }

    private static String finding(String id, String type, double severity, Instant updated) {
        return "{\"accountId\":\"" + ACCOUNT + "\",\"region\":\"ap-northeast-1\",\"id\":\"" + id + "\",\"type\":\"" + type
                + "\",\"severity\":" + severity + ",\"title\":\"" + type + " on i-0123\",\"resource\":{\"resourceType\":"
                + "\"Instance\",\"instanceDetails\":{\"instanceId\":\"i-0123\"}},\"service\":{\"count\":1},"
                + "\"createdAt\":\"" + updated + "\",\"updatedAt\":\"" + updated + "\"}\n";
    }

    private static long jobExecutions(StoreContext store) {
        return store.jdbc().queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class);
    }

    private static String intraday(StoreContext store, Instant at) {
        StringWriter text = new StringWriter();
        store.bean(Pipelines.class).runIntraday(at, Duration.ofSeconds(30), new PrintWriter(text, true), Throwable::toString);
        return text.toString();
    }

    private List<String> recipients() throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<String> subjects() {
        return Arrays.stream(smtp.getReceivedMessages()).map(SecurityServiceFindingsTest::subject).toList();
    }
}
