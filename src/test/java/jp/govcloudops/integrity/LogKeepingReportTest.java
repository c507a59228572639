package jp.govcloudops.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.cli.GovcloudCli;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.TestStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly report's "ログ保全" subsection, read back from the PDF: the validation result per account and region
 * (a tampered stream and a valid one), the file named, the coverage, and the log-keeping operations of the month
 * (the sample's planted StopLogging).
 */
class LogKeepingReportTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty("spring.config.additional-location");
    }

    @Test
    void theLogManagementSectionSaysWhetherTheTrailCanBeTrusted() throws Exception {
        Path sample = tmp.resolve("sample");
        assertThat(GovcloudCli.execute(GovcloudOpsApplication.class, "sample-data", "--from=2026-10-05", "--to=2026-10-06", "--scale=0.05",
                "--seed=11", "--out=" + sample)).isEqualTo(ExitCodes.OK);
        Path day = sample.resolve("logs/AWSLogs/527461930384/CloudTrail/ap-northeast-1/2026/10/05");
        Path deleted;
        try (Stream<Path> files = Files.list(day)) {
            deleted = files.sorted().findFirst().orElseThrow();
        }
        Files.delete(deleted);
        System.setProperty("spring.config.additional-location", sample.resolve("config/").toUri().toString());
        String db = "--db=" + TestStore.h2(tmp.resolve("db"));

        CliRun reprocess = CliRun.of(db, "reprocess", "--from=2026-10-05", "--to=2026-10-07");
        assertThat(reprocess.exit()).as(reprocess.out()).isNotEqualTo(ExitCodes.FAILURE);
        CliRun detect = CliRun.of(db, "findings", "rebuild", "--from=2026-10-05", "--to=2026-10-07");
        assertThat(detect.exit()).as(detect.out() + detect.err()).isNotEqualTo(ExitCodes.FAILURE);
        CliRun verify = CliRun.of(db, "verify-trail", "--from=2026-10-05", "--to=2026-10-06");
        assertThat(verify.exit()).as(verify.out()).isEqualTo(ExitCodes.COMPLETED_WITH_GAPS);
        Path pdf = tmp.resolve("report.pdf");
        CliRun report = CliRun.of(db, "report", "--month=2026-10", "--out=" + pdf);
        assertThat(report.exit()).as(report.out() + report.err()).isEqualTo(ExitCodes.OK);

        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        String section = text.substring(text.indexOf("ログ保全"));
        // 生活保護 Tokyo lost a file: one hour tampered; the other streams are valid, 48 hours each, with a digest
        // every hour (48 of October's 744 hours: 6.5 % coverage).
        assertThat(section).contains("生活保護（527461930384） ap-northeast-1 48 47 1 0 6.5% 改ざん等あり",
                "生活保護（527461930384） ap-northeast-3 48 48 0 0 6.5% 正常");
        assertThat(section.lines().filter(l -> l.endsWith(" 48 48 0 0 6.5% 正常")).count()).isEqualTo(7);
        String name = deleted.getFileName().toString();
        // The file name, wrapped in its cell after the region (where it breaks depends on the cell's width).
        assertThat(section).contains("ログファイル削除");
        assertThat(section.replace("\r", "").replace("\n", "")).contains(name);
        assertThat(section).contains("StopLogging");
    }
}
