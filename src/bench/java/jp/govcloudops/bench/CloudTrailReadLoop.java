package jp.govcloudops.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jp.govcloudops.aggregate.CloudTrailHourly;
import jp.govcloudops.format.Decompression;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.cloudtrail.CloudTrailReader;

/**
 * The CloudTrail path alone, as {@link FlowReadLoop} is for flow logs: gunzip, delimit and parse each record, and
 * the hourly aggregate, in one thread, repeated until the JIT has settled; CPU per record. Arguments:
 * {@code FILE_LIST [ITERATIONS [DAY]]} (DAY: the files' folder date, default 2026-10-01).
 */
public final class CloudTrailReadLoop {

    public static void main(String[] args) throws Exception {
        List<String> files = Files.readAllLines(Path.of(args[0]));
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TimeWindow window = TimeWindow.around(LocalDate.parse(args.length > 2 ? args[2] : "2026-10-01"),
                Duration.ofDays(7));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CloudTrailReader reader = new CloudTrailReader();
        Quarantine quarantine = (position, reason, excerpt, count) -> {
            throw new IllegalStateException(position + ": " + reason);
        };
        for (int i = 1; i <= iterations; i++) {
            long records = 0;
            long cpu = threads.getCurrentThreadCpuTime();
            for (String file : files) {
                CloudTrailHourly hourly = new CloudTrailHourly();
                try (InputStream in = Decompression.open(Files.newInputStream(Path.of(file)))) {
                    records += reader.read(in, window, hourly::add, quarantine);
                }
            }
            System.out.printf("iteration %d: %,d records, %.3f µs/record%n", i, records,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / records);
        }
    }
}
