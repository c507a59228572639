package jp.govcloudops.report;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The monthly report on the embedded H2 file store (see {@link MonthlyReportChecks}). */
class MonthlyReportTest extends MonthlyReportChecks {

    static final Path DIR = TestDirs.fresh("monthly-report-test");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DIR.resolve("db/govcloud").toAbsolutePath());
        registry.add("govcloud.sources[0]", () -> DIR.resolve("logs").toString());
    }

    @Override
    Path dir() {
        return DIR;
    }
}
