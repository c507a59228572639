package jp.govcloudops.detect;

import static jp.govcloudops.detect.LogFixtures.ACCOUNT;
import static jp.govcloudops.detect.LogFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jp.govcloudops.pipeline.MailStage;
import jp.govcloudops.support.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding notifications through a real SMTP server (GreenMail on a free port): the important findings arrive one
 * by one in Japanese with their 対応策, the rest in the daily digest; running the night again sends nothing new.
 * Then the findings command lists them and records an operator's status.
 */
class FindingNotificationTest {

    static final Instant T = Instant.parse("2025-06-02T01:00:00Z"); // Monday 10:00 JST
    static final LocalDate DAY = LocalDate.parse("2025-06-02");

    @TempDir
    Path dir;

    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void importantFindingsAreMailedOnceInJapaneseAndTheRestInADigest() throws Exception {
        Path source = Files.createDirectories(dir.resolve("logs"));
        LogFixtures.cloudTrail(source, ACCOUNT, T.plusSeconds(3600), List.of(
                event(T, "cloudtrail.amazonaws.com", "StopLogging", "mallory", Map.of("requestParameters",
                        Map.of("name", "main"))),
                event(T.plusSeconds(60), "s3.amazonaws.com", "GetObject", "carol", Map.of("errorCode", "AccessDenied"))));

        try (StoreContext store = new StoreContext(dir, source, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--govcloud.mail.from=govcloud-ops@pref.example.jp",
                "--govcloud.detection.notifications.recipients[0]=soc@pref.example.jp",
                "--govcloud.detection.notifications.min-severity=HIGH")) {
            store.ingest(DAY.minusDays(1), DAY, false);
            night(store, DAY);

            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(2);
            MimeMessage stop = Arrays.stream(mails).filter(m -> subject(m).contains("CloudTrail")).findFirst().orElseThrow();
            assertThat(subject(stop)).isEqualTo(
                    "[govcloud-ops][重要度 緊急] CloudTrail ログ記録の停止・証跡の削除 - 生活保護 (111122223333)");
            assertThat(stop.getAllRecipients()[0].toString()).isEqualTo("soc@pref.example.jp");
            String body = (String) stop.getContent();
            assertThat(body).contains("■ 検知ルール: cloudtrail-logging-stopped CloudTrail ログ記録の停止・証跡の削除")
                    .contains("■ 重要度: 緊急（CRITICAL）")
                    .contains("■ 発生日時: 2025-06-02 10:00:00 JST（受付時間内）")
                    .contains("■ アカウント: 生活保護 (111122223333)")
                    .contains("■ 実行者: arn:aws:iam::111122223333:user/mallory")
                    .contains("■ イベント: StopLogging")
                    .contains("■ 対応策").contains("StartLogging")
                    .contains("govcloud-ops findings set-status");

            MimeMessage digest = Arrays.stream(mails).filter(m -> subject(m).contains("日次まとめ")).findFirst()
                    .orElseThrow();
            assertThat(subject(digest)).isEqualTo("[govcloud-ops] 検知結果の日次まとめ 2025-06-02（2件）");
            assertThat((String) digest.getContent()).contains("[中]").contains("CloudTrail 設定の変更")
                    .contains("権限のない API 呼び出し").contains("user/carol");

            // The same night again, and the next night: nothing new is sent.
            night(store, DAY);
            night(store, DAY.plusDays(1));
            assertThat(smtp.getReceivedMessages()).hasSize(2);

            // The command line lists the findings and records an operator's status.
            String csv = cli(store, "findings", "list", "--from=2025-06-02", "--to=2025-06-02", "--format=csv").out();
            assertThat(csv.lines().findFirst().orElseThrow())
                    .isEqualTo("id,time_jst,severity,rule_id,title,account,principal,events,status");
            assertThat(csv).contains("cloudtrail-logging-stopped").contains("2025-06-02 10:00:00 JST")
                    .contains(",111122223333,").contains("StopLogging").contains("未対応");
            assertThat(csv.lines().count()).isEqualTo(1 + 3);
            String high = cli(store, "findings", "list", "--from=2025-06-02", "--to=2025-06-02", "--severity=HIGH").out();
            assertThat(high).contains("CloudTrail ログ記録の停止").contains("1 件").doesNotContain("権限のない");

            long id = store.bean(FindingStore.class).list(DAY, DAY, jp.govcloudops.config.Severity.CRITICAL, false)
                    .get(0).id();
            assertThat(cli(store, "findings", "set-status", Long.toString(id), "対応中", "--note=担当者に確認中").out())
                    .contains("未対応 → 対応中");
            assertThat(cli(store, "findings", "show", Long.toString(id)).out()).contains("対応策").contains("状態の履歴")
                    .contains("担当者に確認中").contains("\"eventName\":\"StopLogging\"");
            assertThat(store.bean(FindingStore.class).get(id).orElseThrow().status()).isEqualTo(FindingStatus.IN_PROGRESS);
            assertThat(cli(store, "findings", "set-status", Long.toString(id), "done").err()).contains("unknown status");
        }
    }

    private static void night(StoreContext store, LocalDate day) throws Exception {
        StringWriter out = new StringWriter();
        store.detect(day);
        store.bean(MailStage.class).run(day, new PrintWriter(out));
    }

    private static CliRun cli(StoreContext store, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--db=" + store.url;
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(all);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
