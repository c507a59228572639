package jp.govcloudops.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jp.govcloudops.aggregate.FlowHourly;
import jp.govcloudops.aggregate.NetworkBoundaries;
import jp.govcloudops.config.NetworkProperties;
import jp.govcloudops.format.Decompression;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.flowlog.FlowLogTextReader;

/**
 * The flow-log hot path alone, in one thread, repeated until the JIT has settled: CPU per record for gunzipping
 * only (what zcat does), and for gunzip + parse + the hourly aggregate (what ingestion does per record). Separates
 * the per-record cost from a run's fixed costs (JVM and context start-up, JIT, the job's own bookkeeping).
 * Arguments: {@code FILE_LIST [ITERATIONS [DAY]]}: DAY is the files' folder date (default 2026-10-01, the
 * benchmark's), whose window the records' times are checked against as ingestion checks them.
 */
public final class FlowReadLoop {

    public static void main(String[] args) throws Exception {
        List<String> files = Files.readAllLines(Path.of(args[0]));
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TimeWindow window = TimeWindow.around(java.time.LocalDate.parse(args.length > 2 ? args[2] : "2026-10-01"),
                java.time.Duration.ofDays(7));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        NetworkBoundaries boundaries = new NetworkBoundaries(new NetworkProperties(List.of("10.100.0.0/16"),
                List.of("10.200.0.0/16"), List.of("10.1.0.0/16", "10.11.0.0/16", "10.2.0.0/16", "10.12.0.0/16",
                        "10.3.0.0/16", "10.13.0.0/16", "10.4.0.0/16")));
        FlowLogTextReader reader = new FlowLogTextReader();
        Quarantine quarantine = (position, reason, excerpt, count) -> {
            throw new IllegalStateException(position + ": " + reason);
        };
        byte[] sink = new byte[256 * 1024];
        for (int i = 1; i <= iterations; i++) {
            long records = 0;
            long cpu = threads.getCurrentThreadCpuTime();
            for (String file : files) {
                FlowHourly hourly = new FlowHourly(boundaries);
                try (InputStream in = Decompression.open(Files.newInputStream(Path.of(file)))) {
                    records += reader.read(in, window, 0, hourly::add, quarantine);
                }
            }
            double parse = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / records;
            cpu = threads.getCurrentThreadCpuTime();
            long bytes = 0;
            for (String file : files) {
                try (InputStream in = Decompression.open(Files.newInputStream(Path.of(file)))) {
                    for (int n; (n = in.read(sink)) > 0; ) {
                        bytes += n;
                    }
                }
            }
            double gunzip = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / records;
            System.out.printf("iteration %d: %,d records (%,d bytes): gunzip only %.3f µs/record, gunzip + parse +"
                    + " aggregate %.3f µs/record%n", i, records, bytes, gunzip, parse);
        }
    }
}
