package jp.govcloudops.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jp.govcloudops.sample.PlantedIncident;
import jp.govcloudops.sample.RecordsWriter;
import jp.govcloudops.sample.ObjectSink;
import jp.govcloudops.sample.SampleContext;
import jp.govcloudops.sample.SampleEstate;
import jp.govcloudops.sample.SampleScenario;
import jp.govcloudops.sample.Seeds;
import jp.govcloudops.sample.SampleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample generator's operator records (records/) are files the imports accept as they are, and every planted
 * incident's response names the incident by a finding reference (account and Japan minute of its first record).
 */
class SampleRecordsTest {

    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    @Test
    void theSampleMonthsRecordsParseAndReferToEveryPlantedIncident(@TempDir Path dir) throws Exception {
        SampleOptions options = new SampleOptions(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), dir, 0.1,
                20261001L, null);
        List<PlantedIncident> planted = writeRecords(options);
        Path records = dir.resolve("records");
        assertThat(records.resolve("effort-2026-10.csv")).exists();

        List<WorkEffort> effort = CsvRows.read(records.resolve("effort-2026-10.csv"), StandardCharsets.UTF_8,
                WorkEffort.REQUIRED, WorkEffort.OPTIONAL, WorkEffort::fromRow);
        List<Incident> incidents = CsvRows.read(records.resolve("incidents.csv"), StandardCharsets.UTF_8,
                Incident.REQUIRED, Incident.OPTIONAL, Incident::fromRow);
        List<Inquiry> inquiries = CsvRows.read(records.resolve("inquiries.csv"), StandardCharsets.UTF_8,
                Inquiry.REQUIRED, Inquiry.OPTIONAL, Inquiry::fromRow);
        List<Risk> risks = CsvRows.read(records.resolve("risks.csv"), StandardCharsets.UTF_8, Risk.REQUIRED,
                Risk.OPTIONAL, Risk::fromRow);

        assertThat(effort).hasSizeGreaterThan(40).allSatisfy(e -> assertThat(e.date()).isBetween(options.from(), options.to()));
        assertThat(effort).extracting(e -> e.category().label()).contains("定常監視", "アラート対応", "障害対応",
                "セキュリティ分析", "テンプレート適用", "構成・コストレビュー", "報告書作成", "会議", "問合せ対応");
        assertThat(incidents).extracting(Incident::severity).contains("重大", "中", "軽微");
        assertThat(inquiries).extracting(Inquiry::status).contains("対応中", "完了");
        assertThat(risks).extracting(Risk::status).contains("対応中", "解決済");

        assertThat(planted).hasSize(9);
        for (PlantedIncident incident : planted) {
            LocalDateTime first = LocalDateTime.ofInstant(Instant.ofEpochSecond(incident.firstTime()), JST);
            LocalDateTime minute = incident.logType().equals("vpcflow") ? first.truncatedTo(ChronoUnit.HOURS)
                    : first.truncatedTo(ChronoUnit.MINUTES);
            FindingReference expected = new FindingReference(incident.account().id(), minute);
            assertThat(effort).as(incident.id() + " " + incident.label()).anySatisfy(e -> {
                assertThat(e.findingRef()).isEqualTo(expected);
                // Answered after the nightly run that detects it: not before the day after its first record.
                assertThat(e.date()).isAfter(first.toLocalDate());
            });
        }
        // The same seed writes the same bytes.
        Path again = dir.resolve("again");
        writeRecords(new SampleOptions(options.from(), options.to(), again, 0.1, 20261001L, null));
        for (String file : List.of("effort-2026-10.csv", "incidents.csv", "inquiries.csv", "risks.csv")) {
            assertThat(Files.readAllBytes(again.resolve("records").resolve(file)))
                    .isEqualTo(Files.readAllBytes(records.resolve(file)));
        }
    }

    /** Runs the records writer alone over the planned scenario (the log writers are not needed for it). */
    private static List<PlantedIncident> writeRecords(SampleOptions options) throws Exception {
        SampleEstate estate = new SampleEstate();
        SampleScenario scenario = SampleScenario.plan(estate, options, new Seeds(options.seed()));
        new RecordsWriter().write(new SampleContext(estate, options, scenario, new ObjectSink(options.out())));
        return scenario.incidents();
    }
}
