package jp.govcloudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestion commands as an operator runs them: exit codes, the summary, status, and CSV from query (read-only:
 * anything but a query is refused and changes nothing).
 */
class IngestCommandsTest {

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void reprocessStatusAndQuery() {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        LocalDate day = LocalDate.parse("2026-10-01");
        // A JSON-escaped quote and a comma: the CSV must quote the value and double the quote.
        String user = "arn:aws:iam::500000000001:user/o,p\\\"s";
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(LogTree.event("2026-10-01T0" + i + ":00:00Z", "ec2.amazonaws.com", "RunInstances", user, null));
        }
        events.add(LogTree.event("2026-10-01 04:00:00", "ec2.amazonaws.com", "RunInstances", user, null));
        tree.cloudTrail("500000000001", "ap-northeast-1", day, "20261001T0500Z", events);
        String db = "--db=" + TestStore.h2(tmp.resolve("db"));
        String source = "--source=" + tree.root();

        CliRun reprocess = run(db, source, "reprocess", "--from=2026-10-01", "--to=2026-10-01");
        assertThat(reprocess.exit()).as(reprocess.out() + reprocess.err()).isEqualTo(ExitCodes.COMPLETED_WITH_GAPS);
        assertThat(reprocess.out()).contains("1 objects read (0 unreadable), 4 records, 1 quarantined");

        CliRun status = run(db, "status", "--from=2026-10-01", "--to=2026-10-01");
        assertThat(status.out()).containsPattern("2026-10-01\\s+500000000001\\s+ap-northeast-1\\s+cloudtrail\\s+1\\s+4\\s+1\\s+0");

        CliRun query = run(db, "query", "SELECT account_id, event_name, events, NULL AS nothing FROM cloudtrail_daily");
        assertThat(query.exit()).isZero();
        assertThat(query.out()).isEqualTo("account_id,event_name,events,nothing\r\n500000000001,RunInstances,3,\r\n");

        CliRun principals = run(db, "query", "SELECT DISTINCT principal FROM cloudtrail_activity_daily");
        assertThat(principals.out()).isEqualTo("principal\r\n\"arn:aws:iam::500000000001:user/o,p\"\"s\"\r\n");

        CliRun refused = run(db, "query", "SELECT 1; DELETE FROM quarantine");
        assertThat(refused.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).contains("query refused or failed: only one statement is accepted");
        assertThat(run(db, "query", "SELECT COUNT(*) AS n FROM quarantine").out()).isEqualTo("n\r\n1\r\n");
    }
}
