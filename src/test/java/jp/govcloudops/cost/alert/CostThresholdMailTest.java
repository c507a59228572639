package jp.govcloudops.cost.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jp.govcloudops.cost.CostFixtures;
import jp.govcloudops.format.cost.CostLineItem;
import jp.govcloudops.format.cost.CostSchema;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.sample.CostExportWriter;
import jp.govcloudops.support.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threshold notice end to end through the commands: cost-ingest loads an export in which the welfare account
 * passes 80 % of its budget in mid-month, cost-check sends the Japanese notices to a real SMTP server started here,
 * and running it again (also after reprocessing the export) sends nothing more.
 */
class CostThresholdMailTest {

    @TempDir
    Path dir;

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        System.clearProperty("spring.config.additional-location");
        smtp.stop();
    }

    @Test
    void aCrossedThresholdIsMailedInJapaneseOnceAndNeverAgain() throws Exception {
        YearMonth november = YearMonth.of(2026, 11);
        List<CostLineItem> items = CostFixtures.month(november, LocalDate.of(2026, 11, 14), 3);
        Path exports = dir.resolve("exports");
        CostFixtures.writeExport(exports, "gcas-focus", CostSchema.FOCUS, CostExportWriter.Format.PARQUET, november,
                items, Instant.parse("2026-11-15T06:00:00Z"));
        BigDecimal welfareToDate = items.stream().filter(i -> i.accountId().equals(CostFixtures.WELFARE))
                .map(CostLineItem::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        // 90 % of the budget is spent by the 14th: the 80 % rule fires, the 100 % actual rule does not, and the
        // forecast (a full month at this rate) passes 100 %.
        BigDecimal budget = welfareToDate.divide(new BigDecimal("0.9"), 0, RoundingMode.HALF_UP);
        Path config = dir.resolve("application.yml");
        Files.writeString(config, """
                spring:
                  mail:
                    host: 127.0.0.1
                    port: %d
                govcloud:
                  mail:
                    from: govcloud-ops@pref.example.jp
                    retry-delay: 10ms
                  cost:
                    accounts:
                      - id: "%s"
                        name: 生活保護本番
                        system: 生活保護
                        monthly-budget: %s
                        recipients: [seikatsu-hogo@pref.example.jp]
                        notifications:
                          - {type: ACTUAL, percent: 80}
                          - {type: ACTUAL, percent: 100}
                          - {type: FORECASTED, percent: 100, recipients: [zaisei@pref.example.jp]}
                      - id: "%s"
                        name: レセプト管理本番
                        system: レセプト管理
                        monthly-budget: 100000
                        recipients: [receipt@pref.example.jp]
                        notifications:
                          - {type: ACTUAL, percent: 80}
                """.formatted(smtp.getSmtp().getPort(), CostFixtures.WELFARE, budget.toPlainString(),
                CostFixtures.RECEIPT));
        System.setProperty("spring.config.additional-location", config.toUri().toString());
        String db = "--db=jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        String source = "--cost-source=" + exports;

        assertThat(run(db, source, "cost-ingest")).contains("1 loaded").contains("[FOCUS]");
        String firstCheck = run(db, "cost-check", "--date=2026-11-14");
        assertThat(firstCheck).contains("2 thresholds crossed, 2 notifications queued")
                .contains("ACTUAL-80%").contains("FORECASTED-100%").contains("mail: 2 sent, 0 failed");
        assertThat(lastExit).isEqualTo(ExitCodes.OK);

        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage[] messages = smtp.getReceivedMessages();
        assertThat(messages).hasSize(2);
        MimeMessage actual = Arrays.stream(messages).filter(m -> recipients(m).contains("seikatsu-hogo"))
                .findFirst().orElseThrow();
        assertThat(actual.getSubject()).startsWith("【利用料通知】生活保護 生活保護本番（111111111111） 2026年11月")
                .contains("月初来の実績額が閾値 USD");
        String text = (String) actual.getContent();
        assertThat(text).contains("アカウント：111111111111（生活保護本番）").contains("システム：生活保護")
                .contains("通知条件：月初来の実績額が 月次予算の 80%")
                .contains("■ コストの主な内訳（サービス別・月初来）").contains("Amazon Elastic Compute Cloud")
                .contains("■ 日別推移（UTC の利用日、請求額）").contains("2026-11-01").contains("2026-11-14")
                .contains("(速報)").contains("確定額はデジタル庁からの請求書の金額");
        assertThat(Arrays.stream(messages).map(CostThresholdMailTest::recipients))
                .containsExactlyInAnyOrder("seikatsu-hogo@pref.example.jp", "zaisei@pref.example.jp");

        String secondCheck = run(db, "cost-check", "--date=2026-11-14");
        assertThat(secondCheck).contains("0 notifications queued").contains("(notified before)");
        assertThat(run(db, source, "cost-ingest", "--force")).contains("1 loaded");
        assertThat(run(db, "cost-check", "--date=2026-11-14")).contains("0 notifications queued");
        Thread.sleep(300);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aFailedSendIsReportedAndSentByTheNextRun() throws Exception {
        YearMonth november = YearMonth.of(2026, 11);
        List<CostLineItem> items = CostFixtures.month(november, LocalDate.of(2026, 11, 10), 4);
        Path exports = dir.resolve("exports");
        CostFixtures.writeExport(exports, "cur", CostSchema.CUR, CostExportWriter.Format.CSV_GZIP, november, items,
                Instant.parse("2026-11-11T06:00:00Z"));
        int port = smtp.getSmtp().getPort();
        Files.writeString(dir.resolve("application.yml"), """
                spring.mail.host: 127.0.0.1
                spring.mail.port: %d
                govcloud.mail.retry-delay: 10ms
                govcloud.cost.accounts:
                  - id: "%s"
                    name: ネットワーク管理
                    system: ネットワーク管理
                    recipients: [network@pref.example.jp]
                    notifications: [{type: ACTUAL, amount: 1}]
                """.formatted(port, CostFixtures.NETWORK));
        System.setProperty("spring.config.additional-location", dir.resolve("application.yml").toUri().toString());
        String db = "--db=jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        run(db, "--cost-source=" + exports, "cost-ingest");
        smtp.stop();
        assertThat(run(db, "cost-check", "--date=2026-11-10")).contains("1 notifications queued")
                .contains("mail: 0 sent, 1 failed, 1 not yet sent");
        assertThat(lastExit).isEqualTo(ExitCodes.COMPLETED_WITH_GAPS);

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        assertThat(run(db, "cost-check", "--date=2026-11-10")).contains("0 notifications queued")
                .contains("mail: 1 sent, 0 failed, 0 not yet sent");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("ネットワーク管理");
    }

    @Test
    void nightlyIngestsTheCostExportsThenChecksThenMails() throws Exception {
        YearMonth november = YearMonth.of(2026, 11);
        Path exports = dir.resolve("exports");
        CostFixtures.writeExport(exports, "cur", CostSchema.CUR, CostExportWriter.Format.PARQUET, november,
                CostFixtures.month(november, LocalDate.of(2026, 11, 14), 5), Instant.parse("2026-11-15T01:00:00Z"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("application.yml"), """
                spring.mail.host: 127.0.0.1
                spring.mail.port: %d
                govcloud.cost.accounts:
                  - id: "%s"
                    name: レセプト管理本番
                    system: レセプト管理
                    monthly-budget: 600
                    recipients: [receipt@pref.example.jp]
                    notifications: [{type: FORECASTED, percent: 120}, {type: ACTUAL, percent: 100}]
                """.formatted(smtp.getSmtp().getPort(), CostFixtures.RECEIPT));
        System.setProperty("spring.config.additional-location", dir.resolve("application.yml").toUri().toString());
        String output = run("--db=jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "--source=" + logs,
                "--cost-source=" + exports, "nightly", "--date=2026-11-14");
        assertThat(output).containsSubsequence("cost-ingest: 1 units found, 0 unchanged, 1 loaded, 0 failed",
                "cost-check 2026-11-14: 1 accounts, 1 thresholds crossed, 1 notifications queued",
                "FORECASTED-120%", "mail: 1 sent, 0 failed, 0 not yet sent");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("レセプト管理本番").contains("月末予測額");
    }

    private int lastExit;

    private String run(String... args) {
        CliRun run = CliRun.of(args);
        lastExit = run.exit();
        System.out.println(run.out());
        System.err.print(run.err());
        return run.out();
    }

    private static String recipients(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
