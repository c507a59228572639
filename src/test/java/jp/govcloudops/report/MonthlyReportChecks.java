package jp.govcloudops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.job.report.ReportLauncher;
import jp.govcloudops.job.report.ReportParameters;
import jp.govcloudops.records.OperatorRecordsImport;
import jp.govcloudops.report.render.ReportFormat;
import jp.govcloudops.source.LogType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Renders October 2026 from a store filled by the real ingestion job (logs written in the AWS key layout), the
 * detections, the sample's cost exports and the operator-record imports, and reads the PDF back: headings, Japanese
 * text, key figures equal to SQL over the store's views, the embedded font; then a month without data. Page images
 * go to target/report-pages for a look. The concrete classes give the store: H2 and PostgreSQL.
 */
@SpringBootTest(classes = GovcloudOpsApplication.class, properties = {
        "govcloud.accounts[0].id=111111111111", "govcloud.accounts[0].name=ネットワーク管理",
        "govcloud.accounts[0].system=ネットワーク管理",
        "govcloud.accounts[1].id=222222222222", "govcloud.accounts[1].name=生活保護", "govcloud.accounts[1].system=生活保護システム",
        "govcloud.accounts[2].id=333333333333", "govcloud.accounts[2].name=レセプト管理",
        "govcloud.accounts[2].system=レセプト管理システム",
        "govcloud.network.lgcs=10.1.0.0/16", "govcloud.network.asp=10.2.0.0/16", "govcloud.network.vpc=10.0.0.0/16",
        "govcloud.report.recipient=高知県 総合企画部 デジタル政策課 御中", "govcloud.report.contractor=株式会社テスト運用",
        "govcloud.report.deployment-roles=GCTemplateDeployRole",
        "govcloud.report.team[0].role=運用責任者", "govcloud.report.team[0].name=山田 太郎",
        "govcloud.report.team[1].role=運用担当", "govcloud.report.team[1].name=佐藤 花子",
        // The sample month's cost exports (sample-data/cost) are of other accounts than these logs; one of them has a
        // budget and rules here, so section 9 shows crossed and uncrossed thresholds.
        "govcloud.cost.accounts[0].id=741806352913", "govcloud.cost.accounts[0].name=児童扶養手当システム",
        "govcloud.cost.accounts[0].system=児童扶養手当", "govcloud.cost.accounts[0].monthly-budget=1200",
        "govcloud.cost.accounts[0].recipients[0]=jido-fuyo-kanri@pref.example.jp",
        "govcloud.cost.accounts[0].notifications[0].type=ACTUAL", "govcloud.cost.accounts[0].notifications[0].percent=80",
        "govcloud.cost.accounts[0].notifications[1].type=ACTUAL", "govcloud.cost.accounts[0].notifications[1].percent=300",
        "govcloud.cost.accounts[0].notifications[2].type=FORECASTED",
        "govcloud.cost.accounts[0].notifications[2].percent=100"})
abstract class MonthlyReportChecks {

    /** Logs and output (and the H2 store): a fresh folder per concrete test class. */
    final Path dir = dir();

    abstract Path dir();
    static final List<String> ACCOUNTS = List.of("111111111111", "222222222222", "333333333333");
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Autowired
    IngestLauncher ingest;
    @Autowired
    OperatorRecordsImport records;
    @Autowired
    ReportLauncher reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    jp.govcloudops.pipeline.DetectionStage detection;
    @Autowired
    jp.govcloudops.job.cost.CostIngestLauncher costIngest;
    @Autowired
    jp.govcloudops.pipeline.CostCheckStage costCheck;

    @BeforeEach
    void loadStore() throws Exception {
        // The store is filled once per test class (the Spring context, and so the store, is shared by its tests).
        if (jdbc.queryForObject("SELECT COUNT(*) FROM source_object", Long.class) > 0) {
            return;
        }
        new TestEstate(dir.resolve("logs"), ACCOUNTS, 60, 80).write(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 10, 10));
        var outcome = ingest.run(new IngestParameters(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31),
                EnumSet.allOf(LogType.class), Set.of(), false, List.of(dir.resolve("logs").toString()), 1), Duration.ofMinutes(1));
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        detection.runRange(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), new java.io.PrintWriter(java.io.Writer.nullWriter()));
        // A finding an operator had touched that a later run no longer derives stays in the store, flagged; the
        // report leaves it out of its counts and lists.
        assertThat(jdbc.update("UPDATE finding SET derived = FALSE, status = 'FALSE_POSITIVE' WHERE id = (SELECT MAX(id)"
                + " FROM finding WHERE severity IN ('LOW', 'INFORMATIONAL') AND first_event_at >= ? AND first_event_at < ?)",
                java.time.LocalDateTime.of(2026, 9, 30, 15, 0), java.time.LocalDateTime.of(2026, 10, 31, 15, 0)))
                .isEqualTo(1);
        var costs = costIngest.run(new jp.govcloudops.job.cost.CostIngestParameters(List.of(Path.of("sample-data/cost/gcas-focus")
                .toAbsolutePath().toString()), List.of(), false, 1), Duration.ofMinutes(1));
        assertThat(costs.failures()).isEmpty();
        costCheck.runRange(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), new java.io.PrintWriter(java.io.Writer.nullWriter()));
        Path csv = Path.of("src/test/resources/records");
        records.importEffort(csv.resolve("effort-2026-10.csv"), java.nio.charset.StandardCharsets.UTF_8);
        records.importIncidents(csv.resolve("incidents.csv"), java.nio.charset.StandardCharsets.UTF_8);
        records.importInquiries(csv.resolve("inquiries.csv"), java.nio.charset.StandardCharsets.UTF_8);
        records.importRisks(csv.resolve("risks.csv"), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void octoberReportStatesTheStoresFigures() throws Exception {
        Path pdf = dir.resolve("out/monthly-report-2026-10.pdf");
        ReportLauncher.Outcome outcome = reports.run(new ReportParameters(OCTOBER, ReportFormat.PDF, pdf, "", 1), Duration.ZERO);
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(pdf).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_job_execution e JOIN batch_job_instance i"
                + " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'monthlyReport' AND e.status = 'COMPLETED'",
                Integer.class)).isGreaterThanOrEqualTo(1);

        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
            renderPages(document, dir.getFileName() + "-2026-10");
            List<PDFont> fonts = fonts(document);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.getName()).contains("NotoSansJP");
                assertThat(font.isEmbedded()).isTrue();
            });
        }
        Files.writeString(Path.of("target/report-pages/" + dir.getFileName() + "-2026-10.txt"), text);
        assertThat(text).contains("令和8年度 ガバメントクラウドネットワーク運用管理補助業務", "月次運用報告書", "（令和8年10月分）",
                "対象期間：令和8年10月1日〜令和8年10月31日", "高知県 総合企画部 デジタル政策課 御中", "株式会社テスト運用");
        for (String heading : List.of("1　総括", "2　対象範囲・運用体制", "3　稼働状況", "4　監視・アラート対応状況",
                "5　障害・インシデント対応状況", "6　セキュリティ状況", "7　構成管理・変更管理", "8　ログ管理", "9　利用料",
                "10　問合せ対応", "11　作業実績（作業工数）", "12　課題・リスク", "付録")) {
            assertThat(text).contains(heading);
        }
        LocalDate first = OCTOBER.atDay(1);
        LocalDate last = OCTOBER.atEndOfMonth();
        long events = jdbc.queryForObject("SELECT SUM(events) FROM cloudtrail_daily WHERE day BETWEEN ? AND ?", Long.class, first, last);
        long writes = jdbc.queryForObject("SELECT SUM(events) FROM cloudtrail_activity_daily WHERE read_only = FALSE"
                + " AND day BETWEEN ? AND ?", Long.class, first, last);
        long flows = jdbc.queryForObject("SELECT SUM(flows) FROM flow_daily WHERE day BETWEEN ? AND ?", Long.class, first, last);
        long rejected = jdbc.queryForObject("SELECT SUM(flows) FROM flow_daily WHERE action = 'REJECT' AND day BETWEEN ? AND ?",
                Long.class, first, last);
        long previousEvents = jdbc.queryForObject("SELECT SUM(events) FROM cloudtrail_daily WHERE day BETWEEN ? AND ?",
                Long.class, first.minusMonths(1), first.minusDays(1));
        String hours = jdbc.queryForObject("SELECT SUM(hours) FROM work_effort WHERE work_date BETWEEN ? AND ?",
                java.math.BigDecimal.class, first, last).setScale(2).toPlainString();
        assertThat(events).isPositive();
        assertThat(text).contains("CloudTrail イベント数 " + Jp.count(events) + " " + Jp.count(previousEvents));
        assertThat(text).contains("うち変更系 API 呼出し " + Jp.count(writes));
        assertThat(text).contains("VPC フローログ レコード数 " + Jp.count(flows));
        assertThat(text).contains("拒否（REJECT）フロー数 " + Jp.count(rejected));
        assertThat(text).contains("作業工数（人時） " + hours);
        // Section contents that come from the imports and the logs.
        assertThat(text).contains("INC-2026-007", "フローログの配信停止", "Q-2026-031", "Q-2026-032", "R-002", "山田 太郎",
                "GCTemplateDeployRole", "ルートユーザーの利用", "ConsoleLogin", "庁内/LGCS", "インターネット");
        assertThat(text).contains("10/10");
        // Findings come from the detection run over the same store.
        long findings = jdbc.queryForObject("SELECT COUNT(*) FROM finding WHERE derived = TRUE AND first_event_at >= ?"
                + " AND first_event_at < ?", Long.class, java.time.LocalDateTime.of(2026, 9, 30, 15, 0),
                java.time.LocalDateTime.of(2026, 10, 31, 15, 0));
        assertThat(findings).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM finding WHERE derived = FALSE", Long.class)).isEqualTo(1);
        assertThat(text).contains("検知件数 " + Jp.count(findings), "当月の検知件数は " + Jp.count(findings) + " 件");
        // 付録C: the runs that ingested October's logs, although they ran after it.
        assertThat(text).contains("当月分の取込み").doesNotContain("該当なし（当月のログを取り込んだ実行も");
        // Statuses are as of the cut-off, the same in 4.3 and 付録A; severities in the one vocabulary.
        assertThat(text).contains("状態は報告の締め（").doesNotContain("HIGH 以上");
        costFigures(text);
    }

    /** Section 9 against the cost views, the alarm latch and the outbox. */
    private void costFigures(String text) {
        String flat = text.replaceAll("\\s+", "");
        var months = jdbc.queryForList("SELECT account_id, currency, billed_cost, forecast_cost FROM cost_month"
                + " WHERE month = '2026-10' ORDER BY account_id");
        assertThat(months).hasSize(4);
        for (var row : months) {
            assertThat(text).contains(Jp.money((java.math.BigDecimal) row.get("billed_cost"), (String) row.get("currency")));
        }
        java.math.BigDecimal total = jdbc.queryForObject("SELECT SUM(billed_cost) FROM cost_month WHERE month = '2026-10'",
                java.math.BigDecimal.class);
        assertThat(text).contains("利用料（USD） " + Jp.money(total, "USD"), "合計（USD） " + Jp.money(total, "USD"));
        // 80 % and the forecast were crossed on the days the threshold check recorded; 300 % never was.
        var crossings = jdbc.queryForList("SELECT rule_key, as_of, amount FROM cost_alert WHERE month = '2026-10'"
                + " ORDER BY rule_key");
        assertThat(crossings).extracting(r -> r.get("rule_key")).containsExactly("ACTUAL-80%", "FORECASTED-100%");
        for (var row : crossings) {
            LocalDate asOf = ((java.sql.Date) row.get("as_of")).toLocalDate();
            assertThat(flat).contains(("超過（" + Jp.day(asOf) + "、" + Jp.money((java.math.BigDecimal) row.get("amount"), "USD")
                    + "）送信待ち").replaceAll("\\s+", ""));
        }
        assertThat(flat).contains("実績>予算の300%USD3,600.00", "未超過（閾値の");
        assertThat(text).contains("当月分の利用料通知（2 件）", "【利用料通知】");
        assertThat(text).contains("確定額はデジタル庁からの請求書による");
    }

    @Test
    void aMonthWithoutDataSaysSoEverywhere() throws Exception {
        Path pdf = dir.resolve("out/monthly-report-2027-03.pdf");
        ReportLauncher.Outcome outcome = reports.run(new ReportParameters(YearMonth.of(2027, 3), ReportFormat.PDF, pdf, "", 1), Duration.ZERO);
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
            renderPages(document, dir.getFileName() + "-2027-03");
        }
        assertThat(text).contains("令和8年度", "（令和9年3月分）");
        // Neither March nor February has logs: their figures are 「—」 (データなし), never 0.
        assertThat(text).contains("CloudTrail イベント数 — —", "作業工数の記録はない");
        assertThat(text).contains("該当なし（当月のログはストアにない", "該当なし（当月の VPC フローログはストアにない）",
                "該当なし（当月に発生した障害・インシデント", "Q-2026-032",
                "該当なし（当月の作業実績は記録されていない", "該当なし（当月の日付フォルダのログは取り込まれていない）",
                "該当なし（当月の変更系 API 呼出しは記録されていない）");
    }

    @Test
    void aBadRecordsFileIsRefusedWholeWithItsLineNumbers() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM work_effort", Long.class);
        Path bad = dir.resolve("effort-bad.csv");
        Files.writeString(bad, "date,start,hours,category,person,finding_id,note\n"
                + "2026-10-03,9:00,1.5,定常監視,山田 太郎,,ok\n"
                + "2026-10-04,9:00,25,定常監視,山田 太郎,,too long\n"
                + "2026-10-05,9:00,1,お茶,山田 太郎,,\"no such\ncategory\"\n"
                + "2026-13-01,,1,会議,山田 太郎,,\n");
        assertThatThrownBy(() -> records.importEffort(bad, java.nio.charset.StandardCharsets.UTF_8))
                .isInstanceOf(jp.govcloudops.records.RecordImportException.class)
                .hasMessageContaining("line 3: 'hours' is 25").hasMessageContaining("line 4: 'category' is 'お茶'")
                .hasMessageContaining("line 6: 'date' is '2026-13-01'").hasMessageContaining("nothing imported");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_effort", Long.class)).isEqualTo(before);
        // Importing a file of the same name again replaces its rows instead of adding to them.
        Path csv = Path.of("src/test/resources/records/effort-2026-10.csv");
        var again = records.importEffort(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(again.replaced()).isEqualTo(again.imported());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_effort", Long.class)).isEqualTo(before);
        // 10/7 16:30 for 3 hours: 45 minutes inside 受付時間 (until 17:15), the rest outside.
        assertThat(jdbc.queryForObject("SELECT inside_hours FROM work_effort WHERE work_date = DATE '2026-10-07'",
                java.math.BigDecimal.class)).isEqualByComparingTo("0.75");
        // A Saturday is outside whatever the hour.
        assertThat(jdbc.queryForObject("SELECT outside_hours FROM work_effort WHERE work_date = DATE '2026-10-24'",
                java.math.BigDecimal.class)).isEqualByComparingTo("2");
    }

    @Test
    void findingReferencesResolveToTheMostSevereFindingOfThatHour() throws Exception {
        var top = jdbc.queryForMap("SELECT account_id, first_event_at FROM finding WHERE derived = TRUE AND account_id IS NOT NULL"
                + " ORDER BY severity_rank DESC, first_event_at, id LIMIT 1");
        String account = (String) top.get("account_id");
        java.time.LocalDateTime minute = ((java.sql.Timestamp) top.get("first_event_at")).toLocalDateTime()
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        // What the reference means, in SQL: the most severe finding of the account in the hour from that minute.
        long expected = jdbc.queryForObject("SELECT id FROM finding WHERE derived = TRUE AND account_id = ?"
                + " AND first_event_at >= ? AND first_event_at < ? ORDER BY severity_rank DESC, first_event_at, id"
                + " LIMIT 1", Long.class, account, minute, minute.plusHours(1));
        String japan = minute.atOffset(java.time.ZoneOffset.UTC).atZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo"))
                .toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"));

        Path bad = dir.resolve("effort-refs-bad.csv");
        Files.writeString(bad, "date,start,hours,category,person,finding_id,finding_ref,note\n"
                + "2026-10-20,10:00,1,アラート対応,佐藤 花子,," + account + "@" + japan + ",ok\n"
                + "2026-10-20,11:00,1,アラート対応,佐藤 花子,,999999999999@2026-10-02 03:00,no such finding\n"
                + "2026-10-20,12:00,1,アラート対応,佐藤 花子,7," + account + "@" + japan + ",both\n"
                + "2026-10-20,13:00,1,アラート対応,佐藤 花子,," + account + " " + japan + ",malformed\n");
        assertThatThrownBy(() -> records.importEffort(bad, java.nio.charset.StandardCharsets.UTF_8))
                .isInstanceOf(jp.govcloudops.records.RecordImportException.class)
                .hasMessageContaining("line 4: give 'finding_id' or 'finding_ref', not both")
                .hasMessageContaining("line 5: 'finding_ref' is '" + account + " " + japan + "'");
        Files.writeString(bad, "date,start,hours,category,person,finding_ref,note\n"
                + "2026-10-20,11:00,1,アラート対応,佐藤 花子,999999999999@2026-10-02 03:00,no such finding\n");
        assertThatThrownBy(() -> records.importEffort(bad, java.nio.charset.StandardCharsets.UTF_8))
                .hasMessageContaining("line 2: 'finding_ref' 999999999999@2026-10-02 03:00 matches no finding");

        Path good = dir.resolve("effort-refs.csv");
        Files.writeString(good, "date,start,hours,category,person,finding_ref,note\n"
                + "2026-10-20,10:00,1,アラート対応,佐藤 花子," + account + "@" + japan + ",調査\n");
        records.importEffort(good, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(jdbc.queryForObject("SELECT finding_id FROM work_effort WHERE source_file = ?", Long.class,
                "effort-refs.csv")).isEqualTo(expected);
    }

    private static List<PDFont> fonts(PDDocument document) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    /** Writes every page as a PNG (and the text) under target/report-pages, for looking at the layout. */
    static void renderPages(PDDocument document, String name) throws Exception {
        Path dir = Path.of("target/report-pages");
        Files.createDirectories(dir);
        PDFRenderer renderer = new PDFRenderer(document);
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            BufferedImage image = renderer.renderImageWithDPI(i, 80);
            ImageIO.write(image, "png", dir.resolve(name + "-p" + (i + 1) + ".png").toFile());
        }
    }
}
