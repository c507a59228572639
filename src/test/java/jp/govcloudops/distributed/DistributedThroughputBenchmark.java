package jp.govcloudops.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jp.govcloudops.sample.SampleGenerator;
import jp.govcloudops.sample.SampleOptions;
import jp.govcloudops.support.ChildJvm;
import jp.govcloudops.support.NightFixture;
import jp.govcloudops.support.RabbitMq;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of distributed ingestion with one and with two workers on the same generated data, for
 * docs/benchmarks.md. Not part of the test suite (tag "bench"); run with
 * {@code mvn test -Dtest=DistributedThroughputBenchmark -Dsurefire.excludedGroups= -Dbench.scale=20}.
 */
@Tag("bench")
class DistributedThroughputBenchmark {

    @TempDir
    Path tmp;

    @Test
    void oneAndTwoWorkers() throws Exception {
        RabbitMq.require();
        double scale = Double.parseDouble(System.getProperty("bench.scale", "2"));
        LocalDate from = LocalDate.parse("2026-10-01");
        LocalDate to = LocalDate.parse("2026-10-02");
        new SampleGenerator().generate(new SampleOptions(from, to, tmp, scale, 7, null), false);
        Path log = Path.of("target/distributed-benchmark.log").toAbsolutePath();
        // For reference, the same data in one process on the same store (no RabbitMQ), then with 1 and 2 workers.
        for (int threads : new int[] {1, 2}) {
            String db = TestStore.postgres();
            long begin = System.nanoTime();
            Process single = ChildJvm.start(log, List.of("govcloud.ingest.threads=" + threads), "reprocess",
                    "--from=" + from, "--to=" + to.plusDays(1), "--source=" + tmp.resolve("logs"), "--db=" + db);
            assertThat(single.waitFor(30, TimeUnit.MINUTES)).isTrue();
            report("single process, threads=" + threads, db, (System.nanoTime() - begin) / 1e9);
            assertThat(single.exitValue()).isIn(0, 2);
        }
        for (int workers : new int[] {1, 2}) {
            String db = TestStore.postgres();
            String queue = "bench-" + UUID.randomUUID();
            List<String> properties = List.of("spring.rabbitmq.host=" + RabbitMq.HOST,
                    "spring.rabbitmq.port=" + RabbitMq.PORT, "govcloud.distributed.queue=" + queue,
                    "govcloud.distributed.worker-threads=1", "govcloud.distributed.poll-interval=PT0.2S");
            List<Process> started = new ArrayList<>();
            List<String> workerProperties = new ArrayList<>(properties);
            workerProperties.add("govcloud.ingest.read-threads=1"); // one partition, one object at a time per worker
            for (int i = 0; i < workers; i++) {
                started.add(ChildJvm.start(log, workerProperties, "worker", "--db=" + db));
            }
            Thread.sleep(15_000); // let the workers start and subscribe before timing the manager
            List<String> managerProperties = new ArrayList<>(properties);
            managerProperties.add("govcloud.distributed.enabled=true");
            managerProperties.add("govcloud.ingest.threads=4");
            long begin = System.nanoTime();
            Process manager = ChildJvm.start(log, managerProperties, "reprocess", "--from=" + from,
                    "--to=" + to.plusDays(1), "--source=" + tmp.resolve("logs"), "--db=" + db);
            assertThat(manager.waitFor(30, TimeUnit.MINUTES)).isTrue();
            double seconds = (System.nanoTime() - begin) / 1e9;
            started.forEach(Process::destroy);
            report("distributed, workers=" + workers, db, seconds);
            assertThat(manager.exitValue()).isIn(0, 2);
        }
    }

    /** Prints the run's figures; the job's own time (from the job repository) leaves out JVM and context start-up. */
    private static void report(String run, String db, double wallSeconds) throws Exception {
        try (Connection c = NightFixture.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT SUM(records) FROM source_object),"
                        + " (SELECT COUNT(*) FROM source_object),"
                        + " (SELECT EXTRACT(EPOCH FROM end_time - start_time) FROM batch_job_execution e"
                        + " JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id"
                        + " WHERE i.job_name = 'ingest' ORDER BY e.job_execution_id DESC LIMIT 1)")) {
            rs.next();
            long records = rs.getLong(1);
            double job = rs.getDouble(3);
            System.out.printf("BENCH %s objects=%d records=%d job=%.1fs records/s=%.0f wall=%.1fs (incl. start-up)%n",
                    run, rs.getLong(2), records, job, records / job, wallSeconds);
        }
    }
}
