package jp.govcloudops.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.govcloudops.cost.FileTotals;
import jp.govcloudops.cost.alert.CostThresholdCheck;
import jp.govcloudops.cost.alert.ThresholdCrossing;
import jp.govcloudops.job.cost.CostIngestLauncher;
import jp.govcloudops.job.cost.CostIngestParameters;
import jp.govcloudops.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sample's cost exports, generated in Parquet (October) and gzip CSV (September), ingested with the sample's
 * own configuration: every load holds exactly its file's totals, and replaying the month day by day tells the
 * sample's story — only 児童扶養手当 passes its thresholds, from the middle of October.
 */
class CostWriterTest {

    @TempDir
    Path dir;

    @Test
    void generatedExportsAreStoredAtTheirOwnTotalsAndOneAccountCrossesItsBudgetMidMonth() throws Exception {
        Path out = dir.resolve("sample");
        SampleOptions octoberOptions = new SampleOptions(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), out,
                0.1, 20261001, null);
        write(octoberOptions, new CostWriter(), new ConfigWriter());
        write(new SampleOptions(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), dir.resolve("september"), 0.1, 7,
                null), new CostWriter(CostExportWriter.Format.CSV_GZIP));
        Path cost = out.resolve("cost");
        Path september = dir.resolve("september/cost");

        try (TestDatabase database = TestDatabase.h2(dir);
                ConfigurableApplicationContext context = database.start("spring.config.additional-location="
                        + out.resolve("config/application.yml").toUri())) {
            CostIngestLauncher.Outcome outcome = context.getBean(CostIngestLauncher.class).run(
                    new CostIngestParameters(List.of(cost.toString(), september.toString()), List.of(), false, 1),
                    Duration.ofSeconds(30));
            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.loaded()).hasSize(4).allMatch(l -> l.rejectedRows() == 0);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            String october = "BILLING_PERIOD=2026-10/";
            assertThat(loadTotals(jdbc, "gcas-cur2/data/" + october)).isEqualTo(normalise(FileTotals.parquet(
                    cost.resolve("gcas-cur2/data/" + october + "gcas-cur2-00001.snappy.parquet"),
                    "line_item_unblended_cost", "line_item_usage_account_id")));
            Map<String, BigDecimal> focusOctober = normalise(FileTotals.parquet(
                    cost.resolve("gcas-focus/data/" + october + "gcas-focus-00001.snappy.parquet"), "BilledCost",
                    "SubAccountId"));
            assertThat(loadTotals(jdbc, "gcas-focus/data/" + october)).isEqualTo(focusOctober);
            assertThat(monthTotals(jdbc, "2026-10")).isEqualTo(focusOctober);

            String sept = "BILLING_PERIOD=2026-09/";
            assertThat(loadTotals(jdbc, "gcas-cur2/data/" + sept)).isEqualTo(normalise(FileTotals.csv(
                    september.resolve("gcas-cur2/data/" + sept + "gcas-cur2-00001.csv.gz"),
                    "line_item_unblended_cost", "line_item_usage_account_id")));
            Map<String, BigDecimal> focusSeptember = normalise(FileTotals.csv(
                    september.resolve("gcas-focus/data/" + sept + "gcas-focus-00001.csv.gz"), "BilledCost",
                    "SubAccountId"));
            assertThat(loadTotals(jdbc, "gcas-focus/data/" + sept)).isEqualTo(focusSeptember);
            assertThat(monthTotals(jdbc, "2026-09")).isEqualTo(focusSeptember);
            assertThat(focusSeptember).hasSize(4);

            CostThresholdCheck check = context.getBean(CostThresholdCheck.class);
            List<String> crossings = new ArrayList<>();
            for (LocalDate day = LocalDate.of(2026, 10, 1); !day.isAfter(LocalDate.of(2026, 10, 31));
                    day = day.plusDays(1)) {
                for (CostThresholdCheck.AccountResult account : check.run(day).accounts()) {
                    for (ThresholdCrossing crossing : account.queued()) {
                        crossings.add(day + " " + crossing.account().system() + " " + crossing.ruleKey());
                    }
                }
            }
            assertThat(crossings).hasSize(3).allMatch(c -> c.contains(" 児童扶養手当 "));
            assertThat(crossings.get(0)).endsWith("FORECASTED-100%");
            assertThat(crossings.get(1)).endsWith("ACTUAL-80%");
            assertThat(crossings.get(2)).endsWith("ACTUAL-100%");
            LocalDate spike = CostWriter.spikeStart(octoberOptions);
            assertThat(LocalDate.parse(crossings.get(0).substring(0, 10))).isAfter(spike)
                    .isBefore(LocalDate.of(2026, 10, 20));
            assertThat(LocalDate.parse(crossings.get(1).substring(0, 10))).isBetween(LocalDate.of(2026, 10, 16),
                    LocalDate.of(2026, 10, 25));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'cost-threshold'",
                    Integer.class)).isEqualTo(3);
        }
    }

    /** Runs only the given writers over a sample context, as the generator would. */
    private static void write(SampleOptions options, SampleWriter... writers) throws java.io.IOException {
        SampleEstate estate = new SampleEstate();
        SampleContext context = new SampleContext(estate, options,
                SampleScenario.plan(estate, options, new Seeds(options.seed())), new ObjectSink(options.out()));
        for (SampleWriter writer : writers) {
            writer.write(context);
        }
    }

    private static Map<String, BigDecimal> loadTotals(JdbcTemplate jdbc, String unitSuffix) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.query("SELECT d.account_id, SUM(d.billed_cost) FROM cost_day d JOIN cost_load l ON l.id = d.load_id"
                + " WHERE l.unit LIKE ? GROUP BY d.account_id", rs -> {
                    totals.put(rs.getString(1), rs.getBigDecimal(2));
                }, "%" + unitSuffix);
        return normalise(totals);
    }

    private static Map<String, BigDecimal> monthTotals(JdbcTemplate jdbc, String month) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.query("SELECT account_id, billed_cost FROM cost_month WHERE month = ?", rs -> {
            totals.put(rs.getString(1), rs.getBigDecimal(2));
        }, month);
        return normalise(totals);
    }

    private static Map<String, BigDecimal> normalise(Map<String, BigDecimal> totals) {
        Map<String, BigDecimal> out = new TreeMap<>();
        totals.forEach((k, v) -> out.put(k, v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros()));
        return out;
    }
}
