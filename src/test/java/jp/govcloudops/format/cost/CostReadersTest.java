package jp.govcloudops.format.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.govcloudops.cost.CostAggregation;
import jp.govcloudops.cost.CostDayRow;
import jp.govcloudops.cost.CostFixtures;
import jp.govcloudops.cost.FileTotals;
import jp.govcloudops.format.Decompression;
import jp.govcloudops.sample.CostExportWriter;
import jp.govcloudops.support.SharedDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostReadersTest {

    @TempDir
    Path dir;

    private final List<String> rejected = new ArrayList<>();

    @Test
    void focusSampleSumsPerProviderAndAccountEqualTheFileItself() throws Exception {
        Path file = SharedDatasets.file("cost/focus-1.0-sample/focus_sample_dev_even_rows.csv");
        CostAggregation aggregation = new CostAggregation();
        try (InputStream in = Decompression.open(Files.newInputStream(file))) {
            CostCsvReader.Result result = new CostCsvReader().read(in, file.toString(), -1, aggregation,
                    (position, reason, excerpt, n) -> rejected.add(position + " " + reason));
            assertThat(result.schema()).isEqualTo(CostSchema.FOCUS);
            assertThat(result.rows()).isEqualTo(500);
        }
        assertThat(rejected).isEmpty();
        Map<String, BigDecimal> expected = FileTotals.csv(file, "BilledCost", "ProviderName", "SubAccountId");
        assertThat(sums(aggregation, true)).isEqualTo(normalise(expected));
        assertThat(expected.keySet()).anyMatch(k -> k.startsWith("Microsoft|")).anyMatch(k -> k.startsWith("Oracle|"));
        Map<String, BigDecimal> effective = FileTotals.csv(file, "EffectiveCost", "ProviderName", "SubAccountId");
        assertThat(sums(aggregation, false)).isEqualTo(normalise(effective));
        // one row is charged in September but billed in October: it belongs to the October billing period
        assertThat(aggregation.periods()).extracting(p -> p.billingPeriod()).containsExactly("2024-09", "2024-10");
    }

    @Test
    void legacyAndAthenaStyleCurAreRecognised() throws Exception {
        Path legacy = SharedDatasets.file("cost/cur-legacy-sample/sample-anonymous-aws-export-dataset.csv");
        CostAggregation aggregation = new CostAggregation();
        try (InputStream in = Decompression.open(Files.newInputStream(legacy))) {
            CostCsvReader.Result result = new CostCsvReader().read(in, "legacy", -1, aggregation,
                    (position, reason, excerpt, n) -> rejected.add(position + " " + reason));
            assertThat(result.schema()).isEqualTo(CostSchema.CUR_LEGACY);
            assertThat(result.rows()).isEqualTo(1281);
        }
        assertThat(rejected).isEmpty();
        Map<String, BigDecimal> expected = FileTotals.csv(legacy, "lineItem/UnblendedCost", "lineItem/UsageAccountId");
        Map<String, BigDecimal> actual = new TreeMap<>();
        aggregation.rows().forEach(r -> actual.merge(r.accountId(), r.billedCost(), BigDecimal::add));
        assertThat(normalise(actual)).isEqualTo(normalise(expected));
        assertThat(aggregation.rows()).allMatch(r -> r.provider().equals("AWS")).anyMatch(r -> !r.region().isEmpty());

        Path athena = SharedDatasets.file("cost/koku/aws_2022-07-01-alt-columns.csv");
        CostAggregation koku = new CostAggregation();
        try (InputStream in = Decompression.open(Files.newInputStream(athena))) {
            assertThat(new CostCsvReader().read(in, "koku", -1, koku, (p, r, e, n) -> rejected.add(p + r)).schema())
                    .isEqualTo(CostSchema.CUR);
        }
        assertThat(rejected).isEmpty();
        assertThat(koku.rows()).extracting(CostDayRow::region).contains("us-east-1");
    }

    @Test
    void aFileWithOtherColumnsIsRefusedNamingTheMissingOnes() {
        String focusish = "BilledCost,ChargePeriodStart,SubAccountId\n1.0,2026-11-01,111111111111\n";
        assertThatThrownBy(() -> read(focusish)).isInstanceOf(CostSchemaException.class)
                .hasMessageContaining("x.csv: a FOCUS file without the columns EffectiveCost, BillingCurrency,"
                        + " ServiceName, ProviderName or ServiceProviderName");
        String neither = "date,account,amount\n2026-11-01,1,2\n";
        assertThatThrownBy(() -> read(neither)).isInstanceOf(CostSchemaException.class)
                .hasMessageContaining("neither a FOCUS nor a CUR export")
                .hasMessageContaining("CUR needs line_item_unblended_cost, line_item_usage_account_id")
                .hasMessageContaining("found 3 columns: date, account, amount");
        String curish = "line_item_usage_account_id,line_item_usage_start_date\n1,2026-11-01\n";
        assertThatThrownBy(() -> read(curish)).isInstanceOf(CostSchemaException.class)
                .hasMessageContaining("a CUR file without the columns line_item_unblended_cost,"
                        + " line_item_currency_code, line_item_product_code");
    }

    @Test
    void badRowsAreQuarantinedWithTheirLineAndTheRestCounts() throws Exception {
        String csv = "line_item_usage_account_id,line_item_usage_start_date,line_item_unblended_cost,"
                + "line_item_currency_code,line_item_product_code\n"
                + "111111111111,2026-11-01T00:00:00Z,1.5,USD,AmazonEC2\n"
                + "111111111111,2026-11-01T00:00:00Z,one,USD,AmazonEC2\n"
                + "111111111111,yesterday,2,USD,AmazonEC2\n"
                + "111111111111,2026-11-02 03:00:00.000,2.25,USD,AmazonEC2\n";
        CostAggregation aggregation = read(csv);
        assertThat(rejected).containsExactly("line 3 cost is not a number: one",
                "line 4 charge period start is not a timestamp: yesterday");
        assertThat(aggregation.rows()).extracting(CostDayRow::day, CostDayRow::billedCost)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 1), new BigDecimal("1.5")),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 2), new BigDecimal("2.25")));
    }

    @Test
    void aChargeWithoutItsOwnPeriodIsDatedAtItsBillingPeriod() {
        String csv = "ProviderName,SubAccountId,ServiceName,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,"
                + "BillingPeriodStart,BilledCost,EffectiveCost\n"
                + "AWS,111111111111,Support,USD,NULL,NULL,2026-11-01 00:00:00,100,100\n"
                + "AWS,111111111111,EC2,USD,2026-11-03 04:00:00,2026-11-03 05:00:00,2026-11-01 00:00:00,2.5,2\n"
                + "AWS,111111111111,EC2,USD,NULL,NULL,NULL,1,1\n";
        CostAggregation aggregation = read(csv);
        assertThat(rejected).containsExactly("line 4 neither a charge period start nor a billing period");
        assertThat(aggregation.rows()).extracting(CostDayRow::day, CostDayRow::periodCharge, CostDayRow::billedCost)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 1), true,
                        new BigDecimal("100")), org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 3), false,
                                new BigDecimal("2.5")));
    }

    @Test
    void parquetAndCsvExportsReadBackToTheTotalsOfTheFilesThemselves() throws Exception {
        YearMonth month = YearMonth.of(2026, 10);
        var items = CostFixtures.month(month, month.atEndOfMonth(), 7);
        Path cur = dir.resolve("cur.snappy.parquet");
        Path focus = dir.resolve("focus.snappy.parquet");
        Path curCsv = dir.resolve("cur.csv.gz");
        Path focusCsv = dir.resolve("focus.csv");
        CostFixtures.write(cur, CostSchema.CUR, CostExportWriter.Format.PARQUET, items);
        CostFixtures.write(focus, CostSchema.FOCUS, CostExportWriter.Format.PARQUET, items);
        CostFixtures.write(curCsv, CostSchema.CUR, CostExportWriter.Format.CSV_GZIP, items);
        CostFixtures.write(focusCsv, CostSchema.FOCUS, CostExportWriter.Format.CSV, items);

        Map<String, BigDecimal> curTotals = FileTotals.parquet(cur, "line_item_unblended_cost",
                "line_item_usage_account_id");
        assertThat(accountTotals(parquet(cur))).isEqualTo(normalise(curTotals));
        assertThat(accountTotals(parquet(focus))).isEqualTo(normalise(FileTotals.parquet(focus, "BilledCost",
                "SubAccountId")));
        assertThat(accountTotals(csv(curCsv))).isEqualTo(normalise(FileTotals.csv(curCsv, "line_item_unblended_cost",
                "line_item_usage_account_id")));
        assertThat(accountTotals(csv(focusCsv))).isEqualTo(normalise(FileTotals.csv(focusCsv, "BilledCost",
                "SubAccountId")));
        assertThat(rejected).isEmpty();

        // CUR's amortised cost (from the Savings Plan columns) equals FOCUS EffectiveCost, day by day
        List<CostDayRow> fromCur = parquet(cur).rows();
        List<CostDayRow> fromFocus = parquet(focus).rows();
        assertThat(byDay(fromCur, false)).isEqualTo(byDay(fromFocus, false)).isNotEqualTo(byDay(fromCur, true));
        assertThat(fromCur).anyMatch(r -> r.effectiveCost().compareTo(r.billedCost()) < 0)
                .anyMatch(CostDayRow::periodCharge).anyMatch(r -> r.region().isEmpty());
    }

    private CostAggregation parquet(Path file) {
        CostAggregation aggregation = new CostAggregation();
        new CostParquetReader().read(file, file.toString(), -1, aggregation,
                (position, reason, excerpt, n) -> rejected.add(position + " " + reason));
        return aggregation;
    }

    private CostAggregation csv(Path file) throws Exception {
        CostAggregation aggregation = new CostAggregation();
        try (InputStream in = Decompression.open(Files.newInputStream(file))) {
            new CostCsvReader().read(in, file.toString(), -1, aggregation,
                    (position, reason, excerpt, n) -> rejected.add(position + " " + reason));
        }
        return aggregation;
    }

    private CostAggregation read(String csv) {
        CostAggregation aggregation = new CostAggregation();
        new CostCsvReader().read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "x.csv", -1,
                aggregation, (position, reason, excerpt, n) -> rejected.add(position + " " + reason));
        return aggregation;
    }

    private static Map<String, BigDecimal> byDay(List<CostDayRow> rows, boolean billed) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        rows.forEach(r -> totals.merge(r.accountId() + "|" + r.day() + "|" + r.region() + "|" + r.periodCharge(),
                billed ? r.billedCost() : r.effectiveCost(), BigDecimal::add));
        return normalise(totals);
    }

    private static Map<String, BigDecimal> accountTotals(CostAggregation aggregation) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        aggregation.rows().forEach(r -> totals.merge(r.accountId(), r.billedCost(), BigDecimal::add));
        return normalise(totals);
    }

    private static Map<String, BigDecimal> sums(CostAggregation aggregation, boolean billed) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        aggregation.rows().forEach(r -> totals.merge(r.provider() + "|" + r.accountId(),
                billed ? r.billedCost() : r.effectiveCost(), BigDecimal::add));
        return normalise(totals);
    }

    /** Compares amounts by value: 1.50 and 1.5 are the same cost. */
    static Map<String, BigDecimal> normalise(Map<String, BigDecimal> totals) {
        Map<String, BigDecimal> out = new TreeMap<>();
        totals.forEach((k, v) -> out.put(k, v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros()));
        return out;
    }
}
