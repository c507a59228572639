package jp.govcloudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.OwnerOnly;
import jp.govcloudops.support.TestStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command on the bundled sample month: ingestion, detections, cost, the sample's operator records
 * (whose finding references must resolve to the planted incidents' findings) and the report, whose 初動対応 table
 * is checked against the store's findings and effort.
 */
class DemoCommandTest {

    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    @Test
    void theDemoRendersTheSampleMonthWithItsOperatorRecords(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        assertThat(GovcloudCli.execute(GovcloudOpsApplication.class, "demo", "--out=" + out)).isEqualTo(ExitCodes.OK);
        Path pdf = out.resolve("reports/monthly-report-2026-10.pdf");
        assertThat(pdf).exists();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        try (Connection db = TestStore.connect("jdbc:h2:file:" + out.resolve("govcloud").toAbsolutePath()
                + ";NON_KEYWORDS=DAY,MONTH,YEAR,VALUE,KEY"); Statement st = db.createStatement()) {
            // Every finding reference of the sample resolved to the finding of its planted incident.
            Map<String, String> linked = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT e.note, f.rule_id FROM work_effort e JOIN finding f"
                    + " ON f.id = e.finding_id")) {
                while (rs.next()) {
                    linked.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat(linked).hasSize(12);
            assertThat(linked.entrySet()).anySatisfy(e -> assertThat(e.getKey()).contains("StopLogging")
                    .satisfies(k -> assertThat(e.getValue()).isEqualTo("cloudtrail-logging-stopped")));
            assertThat(linked.entrySet()).anySatisfy(e -> assertThat(e.getKey()).contains("ルートユーザーのコンソールサインイン")
                    .satisfies(k -> assertThat(e.getValue()).isEqualTo("cis-4.3")));
            assertThat(linked.entrySet()).anySatisfy(e -> assertThat(e.getKey()).contains("約 3.4 GB")
                    .satisfies(k -> assertThat(e.getValue()).isEqualTo("flow-egress-volume-anomaly")));
            assertThat(count(st, "SELECT COUNT(*) FROM incident WHERE finding_id IS NOT NULL")).isEqualTo(4);

            for (String row : firstResponseRows(st)) {
                assertThat(text).contains(row);
            }
            BigDecimal hours = decimal(st, "SELECT SUM(hours) FROM work_effort WHERE work_date BETWEEN DATE '2026-10-01'"
                    + " AND DATE '2026-10-31'");
            assertThat(text).contains("作業工数（人時） " + hours.setScale(2).toPlainString());
        }
        assertThat(text).contains("INC-2026-003", "認証情報漏えいの疑い", "Q-2026-006", "R-004", "田中 誠",
                "11　作業実績（作業工数）", "12　課題・リスク");
        // The store, its credentials, the report and the mails name accounts and findings: the owner's alone.
        assertThat(out.resolve("govcloud.credentials")).exists();
        assertThat(out.resolve("mail")).isNotEmptyDirectory();
        assertThat(OwnerOnly.assertTree(out)).isGreaterThan(5);
    }

    /** The 初動対応 table as section 4 must print it: per severity, from the findings and the effort linked to them. */
    private static List<String> firstResponseRows(Statement st) throws Exception {
        Map<Long, LocalDateTime> firstWork = new HashMap<>();
        Map<Long, BigDecimal> spent = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT finding_id, work_date, start_time, hours FROM work_effort"
                + " WHERE finding_id IS NOT NULL")) {
            while (rs.next()) {
                LocalDateTime at = rs.getDate(2).toLocalDate().atTime(rs.getTime(3).toLocalTime());
                firstWork.merge(rs.getLong(1), at, (a, b) -> a.isBefore(b) ? a : b);
                spent.merge(rs.getLong(1), rs.getBigDecimal(4), BigDecimal::add);
            }
        }
        Map<String, List<Long>> minutes = new LinkedHashMap<>();
        Map<String, BigDecimal> effort = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT id, severity, first_event_at FROM finding WHERE first_event_at"
                + " >= TIMESTAMP '2026-09-30 15:00:00' AND first_event_at < TIMESTAMP '2026-10-31 15:00:00'")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String severity = rs.getString(2);
                effort.merge(severity, spent.getOrDefault(id, BigDecimal.ZERO), BigDecimal::add);
                if (firstWork.containsKey(id)) {
                    LocalDateTime detected = rs.getTimestamp(3).toLocalDateTime().atOffset(ZoneOffset.UTC)
                            .atZoneSameInstant(JST).toLocalDateTime();
                    minutes.computeIfAbsent(severity, k -> new ArrayList<>())
                            .add(Math.max(0, Duration.between(detected, firstWork.get(id)).toMinutes()));
                }
            }
        }
        assertThat(minutes).containsKeys("CRITICAL", "HIGH", "MEDIUM");
        List<String> rows = new ArrayList<>();
        Map<String, String> labels = Map.of("CRITICAL", "緊急（CRITICAL）", "HIGH", "高（HIGH）", "MEDIUM", "中（MEDIUM）");
        minutes.forEach((severity, waits) -> rows.add(labels.get(severity) + " " + waits.size() + " "
                + String.format("%.1f", waits.stream().mapToLong(Long::longValue).average().orElse(0) / 60.0) + " "
                + String.format("%.1f", waits.stream().mapToLong(Long::longValue).max().orElse(0) / 60.0) + " "
                + effort.get(severity).setScale(2).toPlainString()));
        return rows;
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static BigDecimal decimal(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
