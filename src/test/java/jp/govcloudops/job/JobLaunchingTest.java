package jp.govcloudops.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.NightFixture;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running the same command again after a process died: here, one that died between Spring Batch's creating the job
 * instance and its first execution (two transactions), which leaves an instance without executions.
 */
class JobLaunchingTest {

    @TempDir
    Path tmp;

    @Test
    void anInstanceWithoutExecutionsIsPassedOverForTheNextAttempt() throws SQLException {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(LogTree.event("2026-10-01T0" + i + ":00:00Z", "ec2.amazonaws.com", "RunInstances",
                    "arn:aws:iam::500000000001:user/ops", null));
        }
        tree.cloudTrail("500000000001", "ap-northeast-1", LocalDate.parse("2026-10-01"), "20261001T0500Z", events);
        String url = TestStore.h2(tmp.resolve("db"));
        String[] reprocess = {"--db=" + url, "--source=" + tree.root(), "reprocess", "--from=2026-10-01",
                "--to=2026-10-01", "--force"};

        CliRun first = CliRun.of(reprocess);
        assertThat(first.exit()).as(first.out() + first.err()).isEqualTo(ExitCodes.OK);
        // Leave the run's instance as a process killed right after creating it would: without executions.
        try (Connection c = TestStore.connect(url); Statement st = c.createStatement()) {
            String executions = "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION";
            String steps = "SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + executions
                    + ")";
            st.executeUpdate("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (" + steps + ")");
            st.executeUpdate("DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + executions + ")");
            st.executeUpdate("DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID IN (" + executions + ")");
            st.executeUpdate("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN (" + executions + ")");
            assertThat(st.executeUpdate("DELETE FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
        }

        CliRun again = CliRun.of(reprocess);
        assertThat(again.exit()).as(again.out() + again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("1 objects read (0 unreadable), 3 records, 0 quarantined");
        try (Connection c = TestStore.connect(url); Statement st = c.createStatement()) {
            assertThat(NightFixture.rows(st, "SELECT i.JOB_INSTANCE_ID, e.STATUS FROM BATCH_JOB_INSTANCE i LEFT JOIN"
                    + " BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID ORDER BY i.JOB_INSTANCE_ID"))
                    .as("the orphan, then the next attempt's instance").containsExactly("1|null|", "2|COMPLETED|");
            assertThat(NightFixture.rows(st, "SELECT SUM(events) FROM cloudtrail_daily")).containsExactly("3|");
        }
    }
}
