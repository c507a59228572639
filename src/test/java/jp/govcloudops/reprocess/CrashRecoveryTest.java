package jp.govcloudops.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
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

import jp.govcloudops.archive.ArchiveTables;
import jp.govcloudops.support.ChildJvm;
import jp.govcloudops.support.NightFixture;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the ingestion JVM with SIGKILL at several points of a multi-day run, runs the same command again until it
 * completes, and compares every aggregate row with an uninterrupted run of the same data: they must be identical.
 * Then does the same to a --force reprocessing, checking that readers saw the old totals throughout.
 */
class CrashRecoveryTest {

    static final String FROM = NightFixture.FROM;
    static final String TO = NightFixture.TO;

    @TempDir
    Path tmp;

    /** Runs to the end: no pause. */
    private Process run(String db, Path log, String... extra) throws Exception {
        return start(db, log, "PT0S", extra);
    }

    /**
     * A run to be killed goes slowly (a pause before each object), so that the test, polling the store through a
     * new connection each time, sees the kill point before the run ends even on a busy machine.
     */
    private Process slowRun(String db, Path log, String... extra) throws Exception {
        return start(db, log, "PT0.1S", extra);
    }

    private Process start(String db, Path log, String pause, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("reprocess", "--from=" + FROM, "--to=" + TO,
                "--source=" + tmp.resolve("logs"), "--db=" + db, "--lock-wait=PT1M"));
        args.addAll(List.of(extra));
        return ChildJvm.start(log, List.of("govcloud.ingest.objects-per-commit=1", "govcloud.ingest.object-pause=" + pause),
                args.toArray(new String[0]));
    }

    private static int runToEnd(Process process) throws InterruptedException {
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("run finished").isTrue();
        return process.exitValue();
    }

    @FunctionalInterface
    private interface Start {
        Process start() throws Exception;
    }

    /**
     * Starts a run, waits until the store holds at least {@code count} objects in {@code state}, then kills the run
     * (SIGKILL).
     */
    private void killAfter(Start run, String db, Path log, int count, String state) throws Exception {
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = run.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!partitioned(log, logStart) || objects(db, state) < count) {
            assertThat(process.isAlive()).as("run still going before %d %s objects", count, state).isTrue();
            assertThat(System.nanoTime()).as("waiting for %d objects", count).isLessThan(deadline);
            Thread.sleep(20);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * The run has listed its partitions, so it has opened the database, hosting it and publishing its server address
     * in the lock file (H2's AUTO_SERVER mode), and finished its schema migration. Connecting earlier would make
     * this test's H2 contend for the lock file the killed run left behind (failing the run with "Locked by another
     * process"), or query source_object while the migration adds indexes and foreign keys to it, which H2 2.4 can
     * fail with a ConcurrentModificationException (h2database issue 4398).
     */
    private static boolean partitioned(Path log, long from) throws IOException {
        try (var channel = Files.newByteChannel(log)) {
            channel.position(from);
            String written = new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
            return written.contains("IngestPartitioner") && written.contains(" partitions from ");
        }
    }

    private static int objects(String db, String state) throws SQLException {
        try (Connection c = NightFixture.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM source_object WHERE state = '" + state + "'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if (e.getMessage().contains("Locked by another process")
                    || e.getMessage().contains("Lock file recently modified")) {
                // The run has not yet published its server address, or it is still taking over the lock file the
                // killed run left behind.
                return 0;
            }
            throw e;
        }
    }

    private static long archivedRecords(Path archive) throws SQLException {
        long total = 0;
        for (String logType : List.of("cloudtrail", "vpcflow")) {
            total += Long.parseLong(ArchiveTables.query(archive, logType, "SELECT COUNT(*) FROM {table}").get(0));
        }
        return total;
    }

    /** Records the store counts as accepted (read, not quarantined) in the archived log types. */
    private static long storedRecords(String db) throws SQLException {
        try (Connection c = NightFixture.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT SUM(o.records - o.quarantined) FROM source_object o"
                        + " JOIN log_partition p ON p.id = o.partition_id WHERE o.state = 'ACTIVE'"
                        + " AND p.log_type IN ('cloudtrail', 'vpcflow')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void killedRunsResumeToExactlyTheTotalsOfAnUninterruptedRun() throws Exception {
        NightFixture.write(tmp.resolve("logs"));
        String clean = TestStore.h2(Files.createDirectories(tmp.resolve("clean")));
        String crashed = TestStore.h2(Files.createDirectories(tmp.resolve("crashed")));
        Path log = Path.of("target/crash-recovery-runs.log").toAbsolutePath();
        Files.deleteIfExists(log);

        assertThat(runToEnd(run(clean, log))).as("clean run exit code; see " + log).isEqualTo(2);
        List<String> expected = NightFixture.dump(clean);
        assertThat(expected).hasSizeGreaterThan(300);
        List<String> archived = ArchiveTables.dump(tmp.resolve("clean/archive"));
        assertThat(archived).hasSizeGreaterThan(40);

        // Kill at two points of the same run (early, and deep into it), restarting it each time with the same command.
        for (int killAt : new int[] {6, 90}) {
            killAfter(() -> slowRun(crashed, log), crashed, log, killAt, "ACTIVE");
        }
        assertThat(objects(crashed, "ACTIVE")).isLessThan(NightFixture.OBJECTS);
        assertThat(runToEnd(run(crashed, log))).as("resumed run exit code; see " + log).isEqualTo(2);
        assertThat(NightFixture.dump(crashed)).containsExactlyElementsOf(expected);
        // The archive too holds each record once: what was staged for objects whose chunk never committed is gone.
        assertThat(ArchiveTables.dump(tmp.resolve("crashed/archive"))).containsExactlyElementsOf(archived);
        assertThat(archivedRecords(tmp.resolve("crashed/archive"))).isEqualTo(storedRecords(crashed));

        // The same for a --force reprocessing: readers see the old totals until each partition is swapped.
        killAfter(() -> slowRun(crashed, log, "--force"), crashed, log, 60, "STAGED");
        List<String> visible = NightFixture.dump(crashed);
        assertThat(visible.subList(0, visible.indexOf("--"))).as("CloudTrail totals mid --force")
                .isEqualTo(expected.subList(0, expected.indexOf("--")));
        assertThat(ArchiveTables.dump(tmp.resolve("crashed/archive"))).as("archive mid --force")
                .containsExactlyElementsOf(archived);
        assertThat(runToEnd(run(crashed, log, "--force"))).as("resumed --force exit code; see " + log).isEqualTo(2);
        assertThat(NightFixture.dump(crashed)).containsExactlyElementsOf(expected);
        assertThat(ArchiveTables.dump(tmp.resolve("crashed/archive"))).containsExactlyElementsOf(archived);
        assertThat(archivedRecords(tmp.resolve("crashed/archive"))).isEqualTo(storedRecords(crashed));
        assertThat(Files.readString(log)).contains("was left running by a process that is gone");
    }
}
