package jp.govcloudops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import jp.govcloudops.store.H2FileStore;
import jp.govcloudops.store.SchemaState;
import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The commands that only read the store start the small context ({@code StoreReaderApplication}): no job repository,
 * no detection rules, no migration when the schema is current, reading as the store's reader; a new store or one
 * whose schema is behind is migrated first by the whole application.
 */
class StoreReaderStartTest {

    @TempDir
    Path tmp;

    @Test
    void aNewStoreIsMigratedFirstThenReadAsTheReaderWithoutBatchOrMigration() throws Exception {
        String url = TestStore.h2(tmp.resolve("db"));
        CliRun first = CliRun.of("--db=" + url, "query", "SELECT COUNT(*) AS n FROM log_partition");
        assertThat(first.exit()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).isEqualTo("n\r\n0\r\n");
        assertThat(H2FileStore.of(url).orElseThrow().dataFile()).isRegularFile();

        try (ConfigurableApplicationContext context = cli(url).storeReaderContext()) {
            assertThat(context.getBean(SchemaState.class).staleness()).isNull();
            assertThat(context.getBeanNamesForType(JobRepository.class)).isEmpty();
            assertThat(context.containsBean("ruleCatalog")).isFalse();
            JdbcTemplate reads = context.getBean(JdbcTemplate.class);
            assertThat(reads.queryForObject("SELECT CURRENT_USER", String.class)).isEqualTo("GOVCLOUD_READER");
            assertThatThrownBy(() -> reads.update("DELETE FROM data_gap")).hasMessageContaining("DATA_GAP");
        }
        try (Connection admin = TestStore.connect(url); Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery("SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS"
                        + " WHERE USER_NAME = 'GOVCLOUD_READER'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isFalse();
        }
    }

    @Test
    void aChangedRepeatableMigrationOrZoneIsAppliedBeforeReading() throws Exception {
        String url = TestStore.h2(tmp.resolve("db"));
        assertThat(CliRun.of("--db=" + url, "status", "--from=2026-10-01", "--to=2026-10-02").exit())
                .isEqualTo(ExitCodes.OK);
        int applied = historyRows(url, "R__views.sql");
        try (Connection admin = TestStore.connect(url); Statement st = admin.createStatement()) {
            st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1"
                    + " WHERE \"script\" = 'R__views.sql'");
        }
        assertThat(staleness(url)).isEqualTo("R__views.sql has changed since it was applied");

        CliRun status = CliRun.of("--db=" + url, "status", "--from=2026-10-01", "--to=2026-10-02");
        assertThat(status.exit()).as(status.err()).isEqualTo(ExitCodes.OK);
        assertThat(historyRows(url, "R__views.sql")).isEqualTo(applied + 1);
        assertThat(staleness(url)).isNull();

        try (Connection admin = TestStore.connect(url); Statement st = admin.createStatement()) {
            st.executeUpdate("UPDATE store_zone SET zone_id = 'UTC', offset_hours = 0");
        }
        assertThat(staleness(url)).isEqualTo("the store's zone is not Asia/Tokyo");
        assertThat(CliRun.of("--db=" + url, "query", "SELECT zone_id FROM store_zone").out())
                .isEqualTo("zone_id\r\nAsia/Tokyo\r\n");
    }

    @Test
    void anInMemoryStoreIsNeverOpenedAsTheReaderFirstAndIsReadByTheWholeApplication() {
        String url = "jdbc:h2:mem:reader-start;DB_CLOSE_DELAY=0";
        assertThat(staleness(url)).isEqualTo("a new or in-memory H2 store");
        CliRun status = CliRun.of("--db=" + url, "status", "--from=2026-10-01", "--to=2026-10-02");
        assertThat(status.exit()).as(status.err()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).contains("No open data gaps.");
    }

    private static String staleness(String url) {
        try (ConfigurableApplicationContext context = cli(url).storeReaderContext()) {
            return context.getBean(SchemaState.class).staleness();
        }
    }

    private static GovcloudCli cli(String url) {
        GovcloudCli cli = new GovcloudCli(GovcloudOpsApplication.class);
        cli.database = url;
        return cli;
    }

    private static int historyRows(String url, String script) throws Exception {
        try (Connection admin = TestStore.connect(url); Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"script\" = '"
                        + script + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
