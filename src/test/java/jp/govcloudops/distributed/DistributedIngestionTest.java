package jp.govcloudops.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jp.govcloudops.support.ChildJvm;
import jp.govcloudops.support.NightFixture;
import jp.govcloudops.support.RabbitMq;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote partitioning for real: a manager JVM and two worker JVMs over RabbitMQ with a PostgreSQL store and job
 * repository, compared row by row with a single-process H2 run of the same night; then the same with one worker
 * killed (SIGKILL) mid-run and the job restarted.
 */
class DistributedIngestionTest {

    @TempDir
    static Path tmp;

    /** The single-process H2 run both tests compare with, made once. */
    private static List<String> expected;

    private final List<Process> workers = new ArrayList<>();
    private String queue;
    private Path log;

    @BeforeEach
    void setUp() throws Exception {
        RabbitMq.require();
        queue = "test-partitions-" + UUID.randomUUID();
        log = Path.of("target/distributed-runs.log").toAbsolutePath();
        if (expected == null) {
            Files.deleteIfExists(log);
            NightFixture.write(tmp.resolve("logs"));
            expected = singleProcessH2Run();
        }
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(Process::destroyForcibly);
    }

    private List<String> properties(boolean manager) {
        List<String> properties = new ArrayList<>(List.of("spring.rabbitmq.host=" + RabbitMq.HOST,
                "spring.rabbitmq.port=" + RabbitMq.PORT, "spring.rabbitmq.username=guest",
                "spring.rabbitmq.password=guest", "govcloud.distributed.queue=" + queue,
                "govcloud.distributed.poll-interval=PT0.3S", "govcloud.ingest.objects-per-commit=1",
                "govcloud.ingest.object-pause=PT0.03S"));
        if (manager) {
            properties.add("govcloud.distributed.enabled=true");
        }
        return properties;
    }

    private Process manager(String db) throws Exception {
        return ChildJvm.start(log, properties(true), "reprocess", "--from=" + NightFixture.FROM,
                "--to=" + NightFixture.TO, "--source=" + tmp.resolve("logs"), "--db=" + db, "--lock-wait=PT1M");
    }

    private Process worker(String db) throws Exception {
        Process worker = ChildJvm.start(log, properties(false), "worker", "--db=" + db);
        workers.add(worker);
        return worker;
    }

    private static int exitOf(Process process) throws InterruptedException {
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("process finished").isTrue();
        return process.exitValue();
    }

    private List<String> singleProcessH2Run() throws Exception {
        String h2 = TestStore.h2(Files.createDirectories(tmp.resolve("h2")));
        Process single = ChildJvm.start(log, List.of("govcloud.ingest.objects-per-commit=1"), "reprocess",
                "--from=" + NightFixture.FROM, "--to=" + NightFixture.TO, "--source=" + tmp.resolve("logs"),
                "--db=" + h2);
        assertThat(exitOf(single)).as("single-process run; see " + log).isEqualTo(2);
        return NightFixture.dump(h2);
    }

    private static int partitionsRunBy(String db, String stepPrefix) throws Exception {
        try (Connection c = NightFixture.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE '"
                        + stepPrefix + "%' AND status = 'COMPLETED'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aManagerAndTwoWorkersStoreExactlyWhatOneProcessStores() throws Exception {
        String postgres = TestStore.postgres();
        worker(postgres);
        worker(postgres);
        assertThat(exitOf(manager(postgres))).as("manager; see " + log).isEqualTo(2);
        assertThat(NightFixture.dump(postgres)).containsExactlyElementsOf(expected);
        assertThat(partitionsRunBy(postgres, "ingestObjects:")).isEqualTo(24);
        assertThat(Files.readString(log)).contains("worker: taking partitions from queue " + queue);
    }

    @Test
    void aWorkerKilledMidRunLeavesItsPartitionToARestart() throws Exception {
        String postgres = TestStore.postgres();
        Process doomed = worker(postgres);
        worker(postgres);
        Process manager = manager(postgres);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (objects(postgres) < 40) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
        doomed.destroyForcibly();
        int firstExit = exitOf(manager);
        assertThat(firstExit).as("manager after a worker died; see " + log).isIn(1, 2);
        if (firstExit == 1) {
            assertThat(Files.readString(log)).contains("the worker running it was lost");
            assertThat(exitOf(manager(postgres))).as("restarted manager; see " + log).isEqualTo(2);
        }
        assertThat(NightFixture.dump(postgres)).containsExactlyElementsOf(expected);
    }

    private static int objects(String db) throws Exception {
        try (Connection c = NightFixture.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM source_object")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            return 0; // not migrated yet
        }
    }
}
