package jp.govcloudops.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jp.govcloudops.support.ChildJvm;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the ingestion JVM with SIGKILL at several points of a multi-day run, runs the same command again until it
 * completes, and compares every aggregate row with an uninterrupted run of the same data: they must be identical.
 * Then does the same to a --force reprocessing, checking that readers saw the old totals throughout.
 */
class CrashRecoveryTest {

    static final String FROM = "2026-10-01";
    static final String TO = "2026-10-03";

    @TempDir
    Path tmp;

    /** Every stored aggregate, as sorted text rows, keyed by what the rows mean (not by ids). */
    static final String[] AGGREGATES = {
        "SELECT p.log_type, p.account_id, p.region, p.folder_date, h.event_hour, h.event_region, h.event_source,"
                + " h.event_name, h.error_code, h.principal, SUM(h.events) FROM ct_hourly h"
                + " JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE' JOIN log_partition p ON p.id = h.partition_id"
                + " GROUP BY p.log_type, p.account_id, p.region, p.folder_date, h.event_hour, h.event_region, h.event_source,"
                + " h.event_name, h.error_code, h.principal ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
        "SELECT p.account_id, p.region, p.folder_date, h.event_hour, h.interface_id, h.action, h.log_status,"
                + " SUM(h.flows), SUM(h.packets), SUM(h.bytes) FROM flow_hourly h"
                + " JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE' JOIN log_partition p ON p.id = h.partition_id"
                + " GROUP BY p.account_id, p.region, p.folder_date, h.event_hour, h.interface_id, h.action, h.log_status"
                + " ORDER BY 1, 2, 3, 4, 5, 6, 7",
        "SELECT p.log_type, p.account_id, p.region, p.folder_date, p.objects, p.records, p.quarantined, p.failed_objects"
                + " FROM log_partition p ORDER BY 1, 2, 3, 4",
        "SELECT o.object_key, o.etag, o.state, o.records, o.quarantined FROM source_object o ORDER BY 1, 3",
        "SELECT q.object_key, q.position, q.reason, q.records FROM quarantine q ORDER BY 1, 2",
    };

    private LogTree buildLogs() {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        LocalDate first = LocalDate.parse(FROM);
        for (int d = 0; d < 3; d++) {
            LocalDate day = first.plusDays(d);
            for (String account : List.of("200000000001", "200000000002")) {
                String user = "arn:aws:iam::" + account + ":user/ops";
                for (String region : List.of("ap-northeast-1", "ap-northeast-3")) {
                    for (int f = 0; f < 6; f++) {
                        List<String> events = new ArrayList<>();
                        for (int e = 0; e < 5 + f; e++) {
                            events.add(LogTree.event("%sT%02d:%02d:%02dZ".formatted(day, f * 4, e, f), "ec2.amazonaws.com",
                                    e % 2 == 0 ? "DescribeInstances" : "RunInstances", user, e == 3 ? "AccessDenied" : null));
                        }
                        if (f == 2) {
                            events.add(LogTree.event(day + " 11:11:11", "ec2.amazonaws.com", "Bad", user, null));
                        }
                        tree.cloudTrail(account, region, day, "%sT%02d05Z".formatted(day.toString().replace("-", ""), f * 4),
                                events);
                        List<String> flows = new ArrayList<>();
                        long start = day.atTime(f * 4, 0).toEpochSecond(java.time.ZoneOffset.UTC);
                        for (int i = 0; i < 30; i++) {
                            flows.add(LogTree.v2(account, "eni-" + region.charAt(13) + (i % 3), "10.1." + f + "." + i,
                                    "10.100.0." + (i % 7), 30000 + i, i % 5 == 0 ? 22 : 443, 3 + i, 120L * i + f,
                                    start + i * 30, i % 6 == 0 ? "REJECT" : "ACCEPT"));
                        }
                        tree.flow(account, region, day, "%sT%02d10Z".formatted(day.toString().replace("-", ""), f * 4),
                                LogTree.V2_HEADER, flows);
                    }
                }
            }
        }
        return tree;
    }

    private Process run(String db, Path log, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("reprocess", "--from=" + FROM, "--to=" + TO,
                "--source=" + tmp.resolve("logs"), "--db=" + db, "--lock-wait=PT1M"));
        args.addAll(List.of(extra));
        return ChildJvm.start(log, List.of("govcloud.ingest.objects-per-commit=1", "govcloud.ingest.object-pause=PT0.04S"),
                args.toArray(new String[0]));
    }

    private static int runToEnd(Process process) throws InterruptedException {
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("run finished").isTrue();
        return process.exitValue();
    }

    /** Waits until the store holds at least {@code count} objects in {@code state}, then kills the run (SIGKILL). */
    private void killAfter(Process process, String db, int count, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // Let the run open the database first, so that it hosts it and this test connects through it.
        Path lock = Path.of(db.substring("jdbc:h2:file:".length(), db.indexOf(';')) + ".lock.db");
        while (!Files.exists(lock) || objects(db, state) < count) {
            assertThat(process.isAlive()).as("run still going before %d %s objects", count, state).isTrue();
            assertThat(System.nanoTime()).as("waiting for %d objects", count).isLessThan(deadline);
            Thread.sleep(20);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static int objects(String db, String state) throws SQLException {
        try (Connection c = DriverManager.getConnection(db, "sa", ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM source_object WHERE state = '" + state + "'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if (e.getMessage().contains("not found") || e.getMessage().contains("Locked by another process")) {
                return 0; // not migrated yet, or the run has not yet published its server address
            }
            throw e;
        }
    }

    private static List<String> dump(String db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db, "sa", ""); Statement st = c.createStatement()) {
            for (String sql : AGGREGATES) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.add("--");
            }
        }
        return rows;
    }

    @Test
    void killedRunsResumeToExactlyTheTotalsOfAnUninterruptedRun() throws Exception {
        buildLogs();
        String clean = TestStore.h2(Files.createDirectories(tmp.resolve("clean")));
        String crashed = TestStore.h2(Files.createDirectories(tmp.resolve("crashed")));
        Path log = Path.of("target/crash-recovery-runs.log").toAbsolutePath();
        Files.deleteIfExists(log);

        assertThat(runToEnd(run(clean, log))).as("clean run exit code; see " + log).isEqualTo(2);
        List<String> expected = dump(clean);
        assertThat(expected).hasSizeGreaterThan(300);

        // Kill at three points of the same run, restarting it each time with the same command.
        for (int killAt : new int[] {4, 40, 100}) {
            killAfter(run(crashed, log), crashed, killAt, "ACTIVE");
        }
        assertThat(objects(crashed, "ACTIVE")).isLessThan(144);
        assertThat(runToEnd(run(crashed, log))).as("resumed run exit code; see " + log).isEqualTo(2);
        assertThat(dump(crashed)).containsExactlyElementsOf(expected);

        // The same for a --force reprocessing: readers see the old totals until each partition is swapped.
        for (int killAt : new int[] {10, 90}) {
            killAfter(run(crashed, log, "--force"), crashed, killAt, "STAGED");
            List<String> visible = dump(crashed);
            assertThat(visible.subList(0, visible.indexOf("--"))).as("CloudTrail totals mid --force")
                    .isEqualTo(expected.subList(0, expected.indexOf("--")));
        }
        assertThat(runToEnd(run(crashed, log, "--force"))).as("resumed --force exit code; see " + log).isEqualTo(2);
        assertThat(dump(crashed)).containsExactlyElementsOf(expected);
        assertThat(Files.readString(log)).contains("was left running by a process that is gone");
    }
}
