package jp.govcloudops.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jp.govcloudops.pipeline.MailStage;
import jp.govcloudops.support.SharedDatasets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GuardDuty's export end to end on a file store: the shared sample export and a later export of one finding with a
 * higher count, laid out as GuardDuty writes them; one finding per GuardDuty id, updated in place with its history
 * of counts, mailed once through a real SMTP server with its 対応策, kept by a rebuild and by reprocessing.
 */
class SecurityServiceFindingsTest {

    static final String ACCOUNT = "111122223333";
    static final String PREFIX = "AWSLogs/" + ACCOUNT + "/GuardDuty/ap-northeast-1/";

    @TempDir
    Path dir;

    GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

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
