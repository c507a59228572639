package jp.govcloudops.cost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.govcloudops.cost.CostFixtures;
import jp.govcloudops.cost.FileTotals;
import jp.govcloudops.format.cost.CostSchema;
import jp.govcloudops.job.cost.CostIngestLauncher;
import jp.govcloudops.job.cost.CostIngestParameters;
import jp.govcloudops.sample.CostExportWriter;
import jp.govcloudops.store.TestDatabase;
import jp.govcloudops.support.FaultInjectingProxy;
import jp.govcloudops.support.S3TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A FOCUS export in a bucket (the S3 API server over HTTP), read through {@code --cost-source=s3://...}: the stored
 * totals are the file's own, an unchanged export is not read again, and a rewritten one replaces its month; read
 * through a proxy that makes every request fail once, the totals are still the file's own.
 */
class CostExportsOverS3Test {

    @TempDir
    Path dir;

    @Test
    void anExportInABucketIsStoredAtItsOwnTotalsAndReplacedWhenRewritten() throws Exception {
        S3TestServer s3 = S3TestServer.get();
        YearMonth month = YearMonth.of(2026, 11);
        Path local = dir.resolve("bucket");
        Path file = CostFixtures.writeExport(local, "gcas-focus", CostSchema.FOCUS, CostExportWriter.Format.CSV_GZIP,
                month, CostFixtures.month(month, LocalDate.of(2026, 11, 10), 11), Instant.parse("2026-11-11T03:00:00Z"));
        Path parquet = CostFixtures.writeExport(local, "gcas-cur2", CostSchema.CUR, CostExportWriter.Format.PARQUET,
                month, CostFixtures.month(month, LocalDate.of(2026, 11, 10), 11), Instant.parse("2026-11-11T03:00:00Z"));
        String bucket = "cost-exports-" + System.nanoTime();
        s3.upload(local, bucket, "exports/");
        String location = "s3://" + bucket + "/exports";

        try (TestDatabase database = TestDatabase.h2(dir);
                ConfigurableApplicationContext context = database.start("govcloud.s3.endpoint=" + s3.endpoint())) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            CostIngestLauncher launcher = context.getBean(CostIngestLauncher.class);
            CostIngestLauncher.Outcome first = launcher.run(new CostIngestParameters(List.of(location), List.of(),
                    false, 1), Duration.ofSeconds(30));
            assertThat(first.failures()).isEmpty();
            assertThat(first.loaded()).extracting(CostStore.LoadSummary::unit).containsExactly(
                    location + "/gcas-cur2/data/BILLING_PERIOD=2026-11/",
                    location + "/gcas-focus/data/BILLING_PERIOD=2026-11/");
            assertThat(totals(jdbc)).isEqualTo(normalise(FileTotals.csv(file, "BilledCost", "SubAccountId")))
                    .isEqualTo(normalise(FileTotals.parquet(parquet, "line_item_unblended_cost",
                            "line_item_usage_account_id")));

            assertThat(launcher.run(new CostIngestParameters(List.of(location), List.of(), false, 1),
                    Duration.ofSeconds(30)).unchanged()).isEqualTo(2);

            Files.delete(file);
            Path rewritten = CostFixtures.writeExport(local, "gcas-focus", CostSchema.FOCUS,
                    CostExportWriter.Format.CSV_GZIP, month, CostFixtures.month(month, LocalDate.of(2026, 11, 12), 11),
                    Instant.parse("2026-11-13T03:00:00Z"));
            s3.upload(local, bucket, "exports/");
            CostIngestLauncher.Outcome third = launcher.run(new CostIngestParameters(List.of(location), List.of(),
                    false, 1), Duration.ofSeconds(30));
            assertThat(third.loaded()).extracting(CostStore.LoadSummary::unit).singleElement().asString()
                    .contains("gcas-focus");
            assertThat(totals(jdbc)).isEqualTo(normalise(FileTotals.csv(rewritten, "BilledCost", "SubAccountId")));
        }
    }

    @Test
    void throttlingResetsAndCutBodiesStillGiveTheFilesOwnTotals() throws Exception {
        S3TestServer s3 = S3TestServer.get();
        Path local = dir.resolve("faulty");
        Map<YearMonth, Path> files = new TreeMap<>();
        for (int m = 7; m <= 10; m++) { // one export per billing period, July to October
            YearMonth month = YearMonth.of(2026, m);
            files.put(month, CostFixtures.writeExport(local, "gcas-" + m, CostSchema.FOCUS,
                    CostExportWriter.Format.CSV_GZIP, month, CostFixtures.month(month, month.atEndOfMonth(), 11),
                    month.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        }
        // A fixed bucket name keeps the proxy's choice of fault per request (it hashes the request) the same on
        // every run: here it cuts some object bodies half way and resets the others.
        String bucket = "cost-faults";
        s3.upload(local, bucket, "exports/");
        String location = "s3://" + bucket + "/exports";

        // Every request fails once (503, 500, a reset or a body cut short) before it succeeds.
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(s3.endpoint());
                TestDatabase database = TestDatabase.h2(dir);
                ConfigurableApplicationContext context = database.start("govcloud.s3.endpoint=" + proxy.endpoint(),
                        "govcloud.s3.max-attempts=6", "govcloud.s3.object-retries=4")) {
            CostIngestLauncher.Outcome outcome = context.getBean(CostIngestLauncher.class).run(
                    new CostIngestParameters(List.of(location), List.of(), false, 1), Duration.ofSeconds(60));
            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.loaded()).hasSize(4);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            for (Map.Entry<YearMonth, Path> file : files.entrySet()) {
                Map<String, BigDecimal> stored = new TreeMap<>();
                jdbc.query("SELECT account_id, billed_cost FROM cost_month WHERE month = ?", rs -> {
                    stored.put(rs.getString(1), rs.getBigDecimal(2));
                }, file.getKey().toString());
                assertThat(normalise(stored)).as(file.getKey().toString())
                        .isEqualTo(normalise(FileTotals.csv(file.getValue(), "BilledCost", "SubAccountId")));
            }
            assertThat(proxy.injected(FaultInjectingProxy.Fault.CUT_BODY)).isPositive();
            assertThat(proxy.injected(FaultInjectingProxy.Fault.RESET)).isPositive();
        }
    }

    private static Map<String, BigDecimal> totals(JdbcTemplate jdbc) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.query("SELECT account_id, billed_cost FROM cost_month WHERE month = '2026-11'", rs -> {
            totals.put(rs.getString(1), rs.getBigDecimal(2));
        });
        return normalise(totals);
    }

    private static Map<String, BigDecimal> normalise(Map<String, BigDecimal> totals) {
        Map<String, BigDecimal> out = new TreeMap<>();
        totals.forEach((k, v) -> out.put(k, v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros()));
        return out;
    }
}
