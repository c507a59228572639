package jp.govcloudops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report runs take the store's report run lock, as ingestion and cost runs take theirs. */
class ReportRunLockTest {

    @TempDir
    Path tmp;

    @Test
    void aReportWaitsForTheOneAlreadyRunningAndGivesUpAfterTheLockWait() throws SQLException {
        String url = TestStore.h2(tmp.resolve("db"));
        String db = "--db=" + url;
        assertThat(CliRun.of(db, "status", "--from=2026-10-01", "--to=2026-10-01").exit()).isEqualTo(ExitCodes.OK);
        // Another machine's report run, alive (its heartbeat is fresh).
        setReportLockOwner(url, "'4242@elsewhere 0f00'");
        Path pdf = tmp.resolve("out/monthly-report-2026-10.pdf");

        CliRun refused = CliRun.of(db, "report", "--month=2026-10", "--out=" + pdf, "--lock-wait=PT1S");
        assertThat(refused.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.out()).contains("report FAILED: another report run is using this store: 4242@elsewhere");
        assertThat(pdf).doesNotExist();

        setReportLockOwner(url, "NULL");
        CliRun done = CliRun.of(db, "report", "--month=2026-10", "--out=" + pdf, "--lock-wait=PT1S");
        assertThat(done.exit()).as(done.out() + done.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.exists(pdf)).isTrue();
    }

    private static void setReportLockOwner(String url, String owner) throws SQLException {
        try (Connection c = TestStore.connect(url); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE run_lock SET owner = " + owner + ", acquired_at = TIMESTAMP"
                    + " '2099-01-01 00:00:00', heartbeat_at = TIMESTAMP '2099-01-01 00:00:00' WHERE name = 'report'"))
                    .isEqualTo(1);
        }
    }
}
