package jp.govcloudops.report;

import java.nio.file.Path;

import jp.govcloudops.support.TestStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The monthly report on PostgreSQL (a fresh schema, see {@link TestStore}): the same checks as on H2, so every
 * report query, including the cost and the month's derived tables, runs on both databases.
 */
class MonthlyReportPostgresTest extends MonthlyReportChecks {

    static final Path DIR = TestDirs.fresh("monthly-report-postgres-test");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        String url = TestStore.postgres();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "");
        registry.add("govcloud.sources[0]", () -> DIR.resolve("logs").toString());
    }

    @Override
    Path dir() {
        return DIR;
    }
}
