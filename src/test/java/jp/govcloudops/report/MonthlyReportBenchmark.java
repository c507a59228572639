package jp.govcloudops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.job.report.ReportLauncher;
import jp.govcloudops.job.report.ReportParameters;
import jp.govcloudops.report.render.ReportFormat;
import jp.govcloudops.source.LogType;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Report generation time for a month of 10 accounts (docs/benchmarks.md, "Monthly report"). Not part of the default
 * run: {@code mvn -o -q test -Dtest=MonthlyReportBenchmark -Dsurefire.excludedGroups=}. {@code -Dbench.reuse=true}
 * keeps the H2 store of the previous run (target/test-work/monthly-report-benchmark) and skips writing and ingesting
 * the logs; {@code -Dbench.store=postgres} uses a fresh schema in the PostgreSQL server instead of H2.
 */
@Tag("bench")
@SpringBootTest(classes = GovcloudOpsApplication.class, properties = {"govcloud.network.lgcs=10.1.0.0/16",
        "govcloud.network.asp=10.2.0.0/16", "govcloud.network.vpc=10.0.0.0/16",
        "govcloud.report.deployment-roles=GCTemplateDeployRole"})
class MonthlyReportBenchmark {

    static final boolean REUSE = Boolean.getBoolean("bench.reuse");
    static final boolean POSTGRES = "postgres".equals(System.getProperty("bench.store"));
    static final Path DIR = REUSE && !POSTGRES ? TestDirs.existing("monthly-report-benchmark") : TestDirs.fresh("monthly-report-benchmark");
    static final int EVENTS_PER_DAY = Integer.getInteger("bench.events", 500);
    static final int FLOWS_PER_DAY = Integer.getInteger("bench.flows", 1500);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        String url = POSTGRES ? TestStore.postgres() : "jdbc:h2:file:" + DIR.resolve("db/govcloud").toAbsolutePath();
        registry.add("spring.datasource.url", () -> url);
        for (int i = 0; i < 10; i++) {
            int n = i;
            registry.add("govcloud.accounts[" + i + "].id", () -> String.format("%012d", 200000000000L + 1111L * (n + 1)));
            registry.add("govcloud.accounts[" + i + "].name", () -> "アカウント" + (n + 1));
        }
    }

    @Autowired
    IngestLauncher ingest;
    @Autowired
    ReportLauncher reports;

    @Test
    void tenAccountsForAMonth() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accounts.add(String.format("%012d", 200000000000L + 1111L * (i + 1)));
        }
        long t0 = System.nanoTime();
        if (!REUSE || POSTGRES) {
            new TestEstate(DIR.resolve("logs"), accounts, EVENTS_PER_DAY, FLOWS_PER_DAY)
                    .write(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 10));
            t0 = System.nanoTime();
            var ingested = ingest.run(new IngestParameters(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                    EnumSet.allOf(LogType.class), Set.of(), false, List.of(DIR.resolve("logs").toString()), 1),
                    Duration.ofMinutes(10));
            assertThat(ingested.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        long t1 = System.nanoTime();
        // CPU time next to the elapsed time: on the shared machine the elapsed time mostly measures the other
        // processes; the job runs on this thread, and the process figure adds JIT compilation and GC.
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            long thread = threads.getCurrentThreadCpuTime();
            long all = process.getProcessCpuTime();
            var outcome = reports.run(new ReportParameters(YearMonth.of(2026, 10), ReportFormat.PDF,
                    DIR.resolve("out/monthly-report-2026-10.pdf"), "", 1), Duration.ZERO);
            assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            System.out.printf("BENCH report run %d: %.1f s elapsed, CPU %.1f s (job thread) / %.1f s (process),"
                    + " %d pages, %,d bytes, load %.1f%n", run, (System.nanoTime() - start) / 1e9,
                    (threads.getCurrentThreadCpuTime() - thread) / 1e9, (process.getProcessCpuTime() - all) / 1e9,
                    outcome.pages(), outcome.bytes(), process.getSystemLoadAverage());
        }
        if (!REUSE || POSTGRES) {
            System.out.printf("BENCH ingest of 10 accounts x 31 days (%,d events, %,d flows): %.1f s%n",
                    10L * 31 * EVENTS_PER_DAY, 10L * 31 * FLOWS_PER_DAY, (t1 - t0) / 1e9);
        }
    }
}
