package jp.govcloudops.detect;

import static jp.govcloudops.detect.LogFixtures.ACCOUNT;
import static jp.govcloudops.detect.LogFixtures.flow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.flow.FlowSummaryTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow detections' per-object tables go through their registration: each table of the schema is filled at
 * ingestion by the summary its detector registers, and pruning by age reaches every one of them.
 */
class DetectionInputsTest {

    static final String ENI = "eni-0a1b2c3d";
    static final String WEB = "10.0.1.10";

    @TempDir
    Path dir;

    @Test
    void everyFlowTableIsRegisteredFilledAndPrunedByAge() throws Exception {
        Path source = Files.createDirectories(dir.resolve("logs"));
        LocalDate day = LocalDate.parse("2025-06-10");
        Instant t = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3 * 3600);
        List<String> lines = new ArrayList<>();
        for (int port = 1000; port < 1010; port++) {   // a scan, rejected
            lines.add(flow(ACCOUNT, ENI, "203.0.113.66", WEB, 40000 + port, port, 6, 1, 44, t, "REJECT"));
        }
        lines.add(flow(ACCOUNT, ENI, "198.51.100.77", WEB, 51000, 22, 6, 30, 5000, t, "ACCEPT"));  // SSH from outside
        lines.add(flow(ACCOUNT, ENI, WEB, "192.0.2.99", 45000, 443, 6, 80, 100_000, t, "ACCEPT"));  // egress
        lines.add(flow(ACCOUNT, ENI, WEB, "8.8.8.8", 53001, 53, 17, 1, 80, t, "ACCEPT"));           // DNS outside
        LogFixtures.flowLog(source, ACCOUNT, t.plusSeconds(3600), lines);
        try (StoreContext store = new StoreContext(dir, source)) {
            store.ingest(day.minusDays(1), day.plusDays(1), false);
            List<String> registered = store.context.getBeansOfType(FlowSummaryTable.class).values().stream()
                    .map(FlowSummaryTable::table).sorted().toList();
            List<String> inSchema = store.jdbc().queryForList("SELECT LOWER(table_name) FROM information_schema.tables"
                    + " WHERE LOWER(table_name) LIKE 'det\\_flow\\_%' ESCAPE '\\' AND table_type = 'BASE TABLE'"
                    + " ORDER BY 1", String.class);
            assertThat(registered).hasSize(6).isEqualTo(inSchema);
            long stored = 0;
            for (String table : registered) {
                assertThat(count(store, table)).as(table).isPositive();
                stored += count(store, table);
            }

            DetectionService detection = store.bean(DetectionService.class);
            int retention = store.bean(DetectionProperties.class).flowRetentionDays();
            assertThat(detection.prune(day.plusDays(retention - 1))).isZero();
            assertThat(detection.prune(day.plusDays(retention + 1))).isEqualTo(stored);
            for (String table : registered) {
                assertThat(count(store, table)).as(table).isZero();
            }
        }
    }

    private static long count(StoreContext store, String table) {
        return store.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
