package jp.govcloudops.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
        // Let the run open the database first, so that it hosts it and this test connects through it. A killed run
        // leaves its lock file behind, so the file's presence alone does not say the new run has opened it.
        Path lock = Path.of(db.substring("jdbc:h2:file:".length(), db.indexOf(';')) + ".lock.db");
        FileTime stale = Files.exists(lock) ? Files.getLastModifiedTime(lock) : null;
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = run.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!openedByTheRun(lock, stale) || !partitioned(log, logStart) || objects(db, state) < count) {
            assertThat(process.isAlive()).as("run still going before %d %s objects", count, state).isTrue();
            assertThat(System.nanoTime()).as("waiting for %d objects", count).isLessThan(deadline);
            Thread.sleep(20);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * The run has locked the database and published its server address in the lock file (H2's AUTO_SERVER mode).
     * Connecting earlier, while the run is still taking the lock over, would make this test's H2 contend for the
     * lock file and fail the run with "Locked by another process".
     */
    private static boolean openedByTheRun(Path lock, FileTime stale) {
        try {
            return (stale == null || !Files.getLastModifiedTime(lock).equals(stale))
                    && Files.readString(lock, StandardCharsets.ISO_8859_1).contains("server=");
        } catch (IOException e) {
            return false; // not there yet, or being replaced
        }
    }

    /**
     * The run has listed its partitions, so its schema migration is over. H2 2.4 can fail a query with a
     * ConcurrentModificationException while another session adds an index or a foreign key to the queried table
     * (h2database issue 4398), which the migration of a new store does to source_object.
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

        // Kill at two points of the same run (early, and deep into it), restarting it each time with the same command.
        for (int killAt : new int[] {6, 90}) {
            killAfter(() -> slowRun(crashed, log), crashed, log, killAt, "ACTIVE");
        }
        assertThat(objects(crashed, "ACTIVE")).isLessThan(NightFixture.OBJECTS);
        assertThat(runToEnd(run(crashed, log))).as("resumed run exit code; see " + log).isEqualTo(2);
        assertThat(NightFixture.dump(crashed)).containsExactlyElementsOf(expected);

        // The same for a --force reprocessing: readers see the old totals until each partition is swapped.
        killAfter(() -> slowRun(crashed, log, "--force"), crashed, log, 60, "STAGED");
        List<String> visible = NightFixture.dump(crashed);
        assertThat(visible.subList(0, visible.indexOf("--"))).as("CloudTrail totals mid --force")
                .isEqualTo(expected.subList(0, expected.indexOf("--")));
        assertThat(runToEnd(run(crashed, log, "--force"))).as("resumed --force exit code; see " + log).isEqualTo(2);
        assertThat(NightFixture.dump(crashed)).containsExactlyElementsOf(expected);
        assertThat(Files.readString(log)).contains("was left running by a process that is gone");
    }
}
