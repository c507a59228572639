package jp.govcloudops.cost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.govcloudops.cost.CostFixtures;
import jp.govcloudops.cost.FileTotals;
import jp.govcloudops.format.cost.CostLineItem;
import jp.govcloudops.format.cost.CostSchema;
import jp.govcloudops.job.cost.CostIngestLauncher;
import jp.govcloudops.job.cost.CostIngestParameters;
import jp.govcloudops.sample.CostExportWriter;
import jp.govcloudops.store.TestDatabase;
import jp.govcloudops.support.SharedDatasets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cost store against a real database (H2 and PostgreSQL subclasses): exports written by the project's own
 * writer are ingested through the cost job, and the views must hold exactly the totals computed from the files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CostStoreContract {

    private Path dir;

    private TestDatabase database;
    private ConfigurableApplicationContext context;
    private JdbcTemplate jdbc;

    abstract TestDatabase database(Path directory);

    @BeforeAll
    void start(@TempDir Path directory) {
        dir = directory;
        database = database(dir);
        context = database.start();
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void exportsAreStoredWithTheFilesOwnTotalsAndEachRefreshReplacesItsBillingPeriod() throws Exception {
        Path root = dir.resolve("exports-" + System.nanoTime());
        YearMonth october = YearMonth.of(2026, 10);
        YearMonth november = YearMonth.of(2026, 11);
        List<CostLineItem> octoberItems = CostFixtures.month(october, october.atEndOfMonth(), 1);
        Path cur = CostFixtures.writeExport(root, "gcas-cur2", CostSchema.CUR, CostExportWriter.Format.PARQUET,
                october, octoberItems, Instant.parse("2026-11-03T05:00:00Z"));
        List<CostLineItem> novemberItems = CostFixtures.month(november, LocalDate.of(2026, 11, 14), 2);
        Path curNovember = CostFixtures.writeExport(root, "gcas-cur2", CostSchema.CUR,
                CostExportWriter.Format.CSV_GZIP, november, novemberItems, Instant.parse("2026-11-15T06:00:00Z"));

        CostIngestLauncher.Outcome first = ingest(root);
        assertThat(first.completed()).isTrue();
        assertThat(first.failures()).isEmpty();
        assertThat(first.loaded()).hasSize(2);
        assertThat(first.rejectedRows()).isZero();

        assertThat(monthTotals(october)).isEqualTo(normalise(FileTotals.parquet(cur, "line_item_unblended_cost",
                "line_item_usage_account_id")));
        assertThat(monthTotals(november)).isEqualTo(normalise(FileTotals.csv(curNovember, "line_item_unblended_cost",
                "line_item_usage_account_id")));
        assertThat(dailyTotals(november, "billed_cost")).isEqualTo(monthTotals(november));
        assertThat(dailyTotals(november, "effective_cost")).isEqualTo(effectiveTotals(novemberItems))
                .isNotEqualTo(monthTotals(november));

        // October's export was delivered after the month: the forecast is the month itself.
        assertThat(forecasts(october)).isEqualTo(monthTotals(october));
        // November as of its delivery: days up to the 13th are complete, the 14th is provisional.
        assertThat(forecasts(november)).isEqualTo(expectedForecasts(novemberItems, november,
                LocalDate.of(2026, 11, 14), 7));

        CostIngestLauncher.Outcome again = ingest(root);
        assertThat(again.loaded()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(2);

        // The export is rewritten with more days: November is replaced, not added to.
        List<CostLineItem> refreshed = CostFixtures.month(november, LocalDate.of(2026, 11, 20), 2);
        Files.delete(curNovember);
        Path rewritten = CostFixtures.writeExport(root, "gcas-cur2", CostSchema.CUR, CostExportWriter.Format.PARQUET,
                november, refreshed, Instant.parse("2026-11-21T06:00:00Z"));
        CostIngestLauncher.Outcome third = ingest(root);
        assertThat(third.loaded()).extracting(CostStore.LoadSummary::unit).singleElement().asString()
                .endsWith("BILLING_PERIOD=2026-11/");
        assertThat(monthTotals(november)).isEqualTo(normalise(FileTotals.parquet(rewritten,
                "line_item_unblended_cost", "line_item_usage_account_id")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cost_load", Integer.class)).isEqualTo(2);

        // A FOCUS export of the same accounts does not add up with the CUR one: one export counts per account.
        Map<String, BigDecimal> before = monthTotals(october);
        Path focus = CostFixtures.writeExport(root, "gcas-focus", CostSchema.FOCUS, CostExportWriter.Format.PARQUET,
                october, octoberItems, Instant.parse("2026-11-03T07:00:00Z"));
        assertThat(ingest(root).loaded()).hasSize(1);
        assertThat(monthTotals(october)).isEqualTo(before).isEqualTo(normalise(FileTotals.parquet(focus,
                "BilledCost", "SubAccountId")));
        assertThat(jdbc.queryForList("SELECT DISTINCT l.export_uri FROM cost_owner o JOIN cost_load l"
                + " ON l.id = o.load_id WHERE o.billing_period = '2026-10'", String.class))
                .singleElement().asString().endsWith("gcas-focus/");

        // A rewrite with the wrong columns fails its billing period and leaves the previous data in place.
        Map<String, BigDecimal> good = monthTotals(november);
        Files.delete(rewritten);
        Path broken = root.resolve("gcas-cur2/data/BILLING_PERIOD=2026-11/gcas-cur2-00001.csv");
        Files.writeString(broken, "day,account,cost\n2026-11-21,111111111111,5\n");
        CostIngestLauncher.Outcome failed = ingest(root);
        assertThat(failed.completed()).isTrue();
        assertThat(failed.failures()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("gcas-cur2-00001.csv").contains("neither a FOCUS nor a CUR export")
                .contains("line_item_unblended_cost"));
        assertThat(monthTotals(november)).isEqualTo(good);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cost_load_error", Integer.class)).isEqualTo(1);
    }

    @Test
    void theFocusSampleIsStoredWithEachProvidersAccountsAtTheFilesOwnSums() throws Exception {
        Path file = SharedDatasets.file("cost/focus-1.0-sample/focus_sample_dev_even_rows.csv");
        CostIngestLauncher.Outcome outcome = context.getBean(CostIngestLauncher.class).run(
                new CostIngestParameters(List.of(), List.of(file.toAbsolutePath().toString()), false, 1),
                Duration.ofSeconds(30));
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.loaded()).singleElement().satisfies(l -> {
            assertThat(l.lineItems()).isEqualTo(500);
            assertThat(l.schemas()).isEqualTo("FOCUS");
        });
        Map<String, BigDecimal> stored = new TreeMap<>();
        jdbc.query("SELECT provider, account_id, SUM(billed_cost) FROM cost_month WHERE month IN ('2024-09', '2024-10')"
                + " GROUP BY provider, account_id", rs -> {
                    stored.put(rs.getString(1) + "|" + rs.getString(2), rs.getBigDecimal(3));
                });
        Map<String, BigDecimal> expected = FileTotals.csv(file, "BilledCost", "ProviderName", "SubAccountId");
        assertThat(normalise(stored)).isEqualTo(normalise(expected));
        assertThat(stored.keySet()).anyMatch(k -> k.startsWith("Microsoft|")).anyMatch(k -> k.startsWith("Oracle|"));
        BigDecimal daily = jdbc.queryForObject("SELECT SUM(billed_cost) FROM cost_daily WHERE provider = 'Microsoft'",
                BigDecimal.class);
        assertThat(daily).isEqualByComparingTo(expected.entrySet().stream().filter(e -> e.getKey()
                .startsWith("Microsoft|")).map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private CostIngestLauncher.Outcome ingest(Path root) throws Exception {
        return context.getBean(CostIngestLauncher.class).run(new CostIngestParameters(List.of(root.toString()),
                List.of(), false, 1), Duration.ofSeconds(30));
    }

    private Map<String, BigDecimal> monthTotals(YearMonth month) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.query("SELECT account_id, billed_cost FROM cost_month WHERE month = ? AND provider = 'AWS'",
                rs -> {
                    totals.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add);
                }, month.toString());
        return normalise(totals);
    }

    private Map<String, BigDecimal> forecasts(YearMonth month) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.query("SELECT account_id, forecast_cost FROM cost_month WHERE month = ?", rs -> {
            totals.put(rs.getString(1), rs.getBigDecimal(2));
        }, month.toString());
        return normalise(totals);
    }

    private Map<String, BigDecimal> dailyTotals(YearMonth month, String column) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.query("SELECT account_id, SUM(" + column + ") FROM cost_daily WHERE day BETWEEN ? AND ?"
                + " GROUP BY account_id", rs -> {
                    totals.put(rs.getString(1), rs.getBigDecimal(2));
                }, month.atDay(1), month.atEndOfMonth());
        return normalise(totals);
    }

    private static Map<String, BigDecimal> effectiveTotals(List<CostLineItem> items) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        items.forEach(i -> totals.merge(i.accountId(), i.effectiveCost(), BigDecimal::add));
        return normalise(totals);
    }

    /**
     * The forecast computed from the line items themselves: the last usage day is provisional, the 7 complete
     * days before it give the daily rate, charges over a month count once.
     */
    static Map<String, BigDecimal> expectedForecasts(List<CostLineItem> items, YearMonth month, LocalDate lastUsageDay,
            int window) {
        LocalDate end = lastUsageDay;
        int complete = end.getDayOfMonth() - 1;
        int days = Math.min(window, complete);
        LocalDate windowStart = end.minusDays(days);
        Map<String, BigDecimal> known = new TreeMap<>();
        Map<String, BigDecimal> rate = new TreeMap<>();
        for (CostLineItem i : items) {
            LocalDate day = i.start().atZone(ZoneOffset.UTC).toLocalDate();
            boolean spansMonth = Duration.between(i.start(), i.end()).toHours() > 24;
            if (spansMonth || day.isBefore(end)) {
                known.merge(i.accountId(), i.unblendedCost(), BigDecimal::add);
            }
            if (!spansMonth && !day.isBefore(windowStart) && day.isBefore(end)) {
                rate.merge(i.accountId(), i.unblendedCost(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> out = new TreeMap<>();
        int remaining = month.lengthOfMonth() - complete;
        known.forEach((account, amount) -> out.put(account, amount.add(rate.getOrDefault(account, BigDecimal.ZERO)
                .multiply(BigDecimal.valueOf(remaining)).divide(BigDecimal.valueOf(days), 18, RoundingMode.HALF_UP))
                .setScale(6, RoundingMode.HALF_UP)));
        return normalise(out);
    }

    static Map<String, BigDecimal> normalise(Map<String, BigDecimal> totals) {
        Map<String, BigDecimal> out = new TreeMap<>();
        totals.forEach((k, v) -> out.put(k, v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros()));
        return out;
    }
}
