package jp.govcloudops.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import jp.govcloudops.config.S3Properties;
import jp.govcloudops.source.AwsLogsLayout;
import jp.govcloudops.source.LogType;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.SourceRegistry;
import jp.govcloudops.support.ChildJvm;
import jp.govcloudops.support.LatencyProxy;
import jp.govcloudops.support.RabbitMq;
import jp.govcloudops.support.TestStore;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3's latency (docs/benchmarks.md, "Reading from S3"): a loopback proxy ({@link LatencyProxy}) holds every request
 * a fixed time (30 ms) in front of the local S3 API server, as the first byte of S3 takes that long from a machine
 * in the same region.
 * <ul>
 * <li>A night of a central log bucket: the sample estate's log folders of the night copied under 40 account ids,
 * ingested as {@code nightly --date=D} reads them (D-4 .. D), in a JVM of its own with the deployed options, through
 * the proxy with and without the delay, alternating; the two must count the same objects and records.</li>
 * <li>Finding the partitions of many accounts: 1,000 accounts × 17 regions, every region folder holding one object
 * on an old date and a few accounts something on the night's two dates, listed through the delaying proxy as the
 * job's partitioner lists them.</li>
 * Each run reports the requests by kind, the most in flight and objects per second.
 *
 * <li>Distributed (needs RabbitMQ and PostgreSQL as the tests reach them): the same night read through the delaying
 * proxy by {@code reprocess} on one machine, then by a manager and two {@code worker} processes, each into a fresh
 * PostgreSQL schema; the totals must be equal, and each process's own count of its S3 requests (the line it logs
 * when it ends) is reported.</li>
 * </ul>
 *
 * <p>Options ({@code --name=value}): work (target/bench-s3), repeats (3), delay (30, ms), copies (8: the five
 * sample accounts times this), date (2026-10-02), list-accounts (1000), list-regions (17), night (true), listing
 * (true), distributed (false).
 */
public final class S3LatencyBenchmark {

    private static final String BUCKET = "central-logs";
    private static final String WIDE_BUCKET = "many-accounts";
    private static final List<String> DEPLOYED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC",
            "-Xmx512m");

    private final Map<String, String> options;
    private final Path work;
    private final Path runs;
    private final List<String> lines = new ArrayList<>();

    private S3LatencyBenchmark(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.getOrDefault("work", "target/bench-s3")).toAbsolutePath();
        this.runs = work.resolve("runs");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> known = Set.of("work", "repeats", "delay", "copies", "date", "list-accounts", "list-regions",
                "night", "listing", "distributed");
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=") || !known.contains(a.substring(2, a.indexOf('=')))) {
                throw new IllegalArgumentException("options are --name=value, one of " + new TreeSet<>(known));
            }
            options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        new S3LatencyBenchmark(options).run();
    }

    private int number(String name, int dflt) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(dflt)));
    }

    private void run() throws Exception {
        IngestionBenchmark.deleteTree(work);
        Files.createDirectories(runs);
        Duration delay = Duration.ofMillis(number("delay", 30));
        try (S3Server s3 = new S3Server(Path.of("target/test-servers/s3mock.jar").toAbsolutePath(), work.resolve("s3"));
                LatencyProxy delayed = new LatencyProxy(s3.endpoint(), delay);
                LatencyProxy direct = new LatencyProxy(s3.endpoint(), Duration.ZERO)) {
            lines.add("Host: " + Runtime.getRuntime().availableProcessors() + " CPUs, load at start "
                    + ChildRun.load() + "; proxy delay " + delay.toMillis() + " ms per request");
            LocalDate day = LocalDate.parse(options.getOrDefault("date", "2026-10-02"));
            boolean night = Boolean.parseBoolean(options.getOrDefault("night", "true"));
            boolean distributed = Boolean.parseBoolean(options.getOrDefault("distributed", "false"));
            if (night || distributed) {
                long uploaded = uploadEstate(s3, Path.of("sample-data/logs"), number("copies", 8), day.minusDays(4),
                        day);
                lines.add("");
                lines.add("Night of " + day + " (folder dates " + day.minusDays(4) + " .. " + day + "), sample estate"
                        + " under " + (5 * number("copies", 8)) + " account ids: " + uploaded
                        + " objects in the bucket");
            }
            if (night) {
                night(delayed, direct, day);
            }
            if (distributed) {
                distributed(delayed, day);
            }
            if (Boolean.parseBoolean(options.getOrDefault("listing", "true"))) {
                listing(s3, delayed);
            }
        }
        String report = String.join("\n", lines) + "\n";
        Files.writeString(work.resolve("report.md"), report);
        System.out.println(report);
    }

    private void night(LatencyProxy delayed, LatencyProxy direct, LocalDate day) throws Exception {
        LocalDate from = day.minusDays(4);
        lines.add("");
        lines.add("| run | wall s | objects | records | objects/s | LIST | GET | HEAD | most in flight (all / GET / LIST) |");
        lines.add("|---|---|---|---|---|---|---|---|---|");
        List<Double> ratios = new ArrayList<>();
        String counted = null;
        for (int rep = 1; rep <= number("repeats", 3); rep++) {
            // Alternating, without the delay first, so that each pair ran under the same load.
            Properties plain = ingest("plain-" + rep, direct, from, day);
            Properties slow = ingest("delayed-" + rep, delayed, from, day);
            ratios.add(wall(slow) / wall(plain));
            for (Properties p : List.of(plain, slow)) {
                String totals = p.getProperty("objects") + "/" + p.getProperty("records");
                if (counted != null && !counted.equals(totals)) {
                    throw new IllegalStateException("runs counted differently: " + counted + " and " + totals);
                }
                counted = totals;
            }
        }
        lines.add("");
        lines.add("Delayed / plain, per pair: " + ratios.stream().map(r -> String.format("%.2f", r)).toList()
                + ", median " + String.format("%.2f", median(ratios)) + "; objects/records equal in every run: "
                + counted);
    }

    private Properties ingest(String name, LatencyProxy proxy, LocalDate from, LocalDate to) throws IOException {
        Path store = runs.resolve(name + "-db");
        List<String> jvm = new ArrayList<>(DEPLOYED_JVM);
        jvm.add("-Daws.accessKeyId=" + S3Server.ACCESS_KEY);
        jvm.add("-Daws.secretAccessKey=" + S3Server.SECRET_KEY);
        List<String> args = List.of(runs.resolve(name + ".properties").toString(),
                runs.resolve("rows-" + name + ".tsv").toString(), "cloudtrail_daily", from.toString(), to.toString(),
                "cloudtrail,cloudtrail-insight,vpcflow", "*", "s3://" + BUCKET + "/",
                "--spring.datasource.url=jdbc:h2:file:" + store.resolve("govcloud"),
                "--govcloud.s3.endpoint=" + proxy.endpoint(), "--govcloud.s3.region=ap-northeast-1",
                "--govcloud.detection.enabled=false", "--govcloud.progress.enabled=false",
                "--logging.level.root=WARN", "--logging.level.jp.govcloudops=WARN");
        proxy.reset();
        double load = ChildRun.load();
        Properties p = ChildRun.run(runs, name, jvm, ChildRun.classPathWithout("duckdb"),
                MeasuredIngest.class.getName(), args);
        IngestionBenchmark.deleteTree(store);
        if (!"COMPLETED".equals(p.getProperty("status"))) {
            throw new IllegalStateException(name + " ended " + p.getProperty("status"));
        }
        lines.add(String.format("| %s (load %.1f) | %.1f | %s | %s | %.0f | %d | %d | %d | %d / %d / %d |", name, load,
                wall(p), p.getProperty("objects"), p.getProperty("records"),
                Long.parseLong(p.getProperty("objects")) / wall(p), proxy.requests(LatencyProxy.Kind.LIST),
                proxy.requests(LatencyProxy.Kind.GET), proxy.requests(LatencyProxy.Kind.HEAD), proxy.maxInFlight(),
                proxy.maxInFlight(LatencyProxy.Kind.GET), proxy.maxInFlight(LatencyProxy.Kind.LIST)));
        System.out.println(lines.get(lines.size() - 1));
        return p;
    }

    private static double wall(Properties p) {
        return Double.parseDouble(p.getProperty("wallSeconds"));
    }

    /** Uploads the sample estate's log folders of the night's dates under {@code copies} sets of account ids. */
    private long uploadEstate(S3Server s3, Path logs, int copies, LocalDate from, LocalDate to) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(logs)) {
            // Digest files are left out: ingestion does not read them (the integrity check does).
            files = walk.filter(Files::isRegularFile).filter(f -> inRange(logs.relativize(f).toString(), from, to))
                    .filter(f -> !f.toString().contains("CloudTrail-Digest")).sorted().toList();
        }
        List<Upload> uploads = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            for (Path file : files) {
                String key = logs.relativize(file).toString().replace('\\', '/');
                uploads.add(new Upload(renumbered(key, copy), file));
            }
        }
        return upload(s3, BUCKET, uploads);
    }

    /** An account id of the key (12 digits after AWSLogs/ or aws-account-id=) with its first two digits replaced. */
    private static String renumbered(String key, int copy) {
        return key.replaceAll("(AWSLogs/(?:aws-account-id=)?)\\d{2}(\\d{10}/)", "$1" + String.format("%02d", 10 + copy)
                + "$2");
    }

    private static boolean inRange(String key, LocalDate from, LocalDate to) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("/(?:year=)?(\\d{4})/(?:month=)?(\\d{1,2})/(?:day=)?(\\d{1,2})/").matcher(key);
        if (!m.find()) {
            return false;
        }
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        return !date.isBefore(from) && !date.isAfter(to);
    }

    private record Upload(String key, Path file) {
    }

    private long upload(S3Server s3, String bucket, List<Upload> uploads) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (S3Client client = S3Client.builder().endpointOverride(URI.create(s3.endpoint())).forcePathStyle(true)
                .region(Region.AP_NORTHEAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY))).build()) {
            client.createBucket(b -> b.bucket(bucket));
            List<Future<?>> done = new ArrayList<>();
            for (Upload u : uploads) {
                done.add(pool.submit(() -> put(client, bucket, u)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("uploaded %d objects to %s in %.0f s%n", uploads.size(), bucket,
                (System.nanoTime() - start) / 1e9);
        return uploads.size();
    }

    /** One upload, tried again a few times: the server shares a loaded host with everything else. */
    private static void put(S3Client client, String bucket, Upload upload) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.putObject(b -> b.bucket(bucket).key(upload.key()), upload.file() == null
                        ? RequestBody.fromString("x") : RequestBody.fromFile(upload.file()));
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void listing(S3Server s3, LatencyProxy delayed) throws Exception {
        int accounts = number("list-accounts", 1000);
        int regions = number("list-regions", 17);
        LocalDate day = LocalDate.parse(options.getOrDefault("date", "2026-10-02"));
        List<Upload> uploads = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            String account = String.format("%012d", 900000000000L + a);
            for (int r = 0; r < regions; r++) {
                // Every stream exists (an object months old); one account in fifty has logs on the night's dates.
                LocalDate date = a % 50 == 0 ? day.minusDays(r % 2) : day.minusMonths(3);
                uploads.add(new Upload("AWSLogs/" + account + "/CloudTrail/region-" + r + "/"
                        + date.toString().replace('-', '/') + "/" + account + "_CloudTrail_" + date + ".json.gz", null));
            }
        }
        long objects = upload(s3, WIDE_BUCKET, uploads);
        S3Properties settings = new S3Properties("ap-northeast-1", URI.create(delayed.endpoint()), true, 8, 3,
                Duration.ofSeconds(30), 32, DataSize.ofMegabytes(64), 32);
        System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
        lines.add("");
        lines.add("Partitions of " + accounts + " accounts × " + regions + " regions × 2 dates (" + objects
                + " objects, one account in fifty with logs on the dates), through the delaying proxy, lists-in-flight"
                + " 32:");
        lines.add("");
        lines.add("| run | wall s | partitions | with a folder | LIST | most LIST in flight |");
        lines.add("|---|---|---|---|---|---|");
        List<Double> walls = new ArrayList<>();
        for (int rep = 1; rep <= number("repeats", 3); rep++) {
            SourceRegistry sources = new SourceRegistry(settings);
            try {
                ObjectSource source = sources.get("s3://" + WIDE_BUCKET + "/");
                delayed.reset();
                double load = ChildRun.load();
                long start = System.nanoTime();
                List<AwsLogsLayout.Discovered> found = sources.layout(source).discover(day.minusDays(1), day,
                        EnumSet.allOf(LogType.class), id -> true);
                double wall = (System.nanoTime() - start) / 1e9;
                walls.add(wall);
                lines.add(String.format("| listing-%d (load %.1f) | %.1f | %d | %d | %d | %d |", rep, load, wall,
                        found.size(), found.stream().filter(AwsLogsLayout.Discovered::folderListed).count(),
                        delayed.requests(LatencyProxy.Kind.LIST), delayed.maxInFlight(LatencyProxy.Kind.LIST)));
                System.out.println(lines.get(lines.size() - 1));
            } finally {
                sources.close();
            }
        }
        lines.add("");
        lines.add(String.format("Median %.1f s", median(walls)));
    }

    private void distributed(LatencyProxy delayed, LocalDate day) throws Exception {
        RabbitMq.require();
        List<String> common = List.of("aws.accessKeyId=" + S3Server.ACCESS_KEY,
                "aws.secretAccessKey=" + S3Server.SECRET_KEY, "govcloud.s3.endpoint=" + delayed.endpoint(),
                "govcloud.s3.region=ap-northeast-1", "govcloud.detection.enabled=false",
                "govcloud.progress.enabled=false");
        String[] range = {"--from=" + day.minusDays(4), "--to=" + day, "--source=s3://" + BUCKET + "/"};
        lines.add("");
        lines.add("Distributed, through the delaying proxy, PostgreSQL store (S3 requests as each process logged them):");
        lines.add("");
        lines.add("| run | wall s | objects | records | process: S3 requests |");
        lines.add("|---|---|---|---|---|");

        String single = TestStore.postgres();
        Path singleLog = runs.resolve("single.log");
        delayed.reset();
        long begin = System.nanoTime();
        Process one = ChildJvm.start(singleLog, common, concat(range, "reprocess", "--db=" + single));
        finish(one, "reprocess");
        String singleTotals = totals(single);
        lines.add(String.format("| one machine | %.1f | %s | %s |", (System.nanoTime() - begin) / 1e9,
                singleTotals.replace("/", " | "), "reprocess: " + requestLine(singleLog)));

        String shared = TestStore.postgres();
        String queue = "bench-s3-" + java.util.UUID.randomUUID();
        List<String> distributed = new ArrayList<>(common);
        distributed.addAll(List.of("spring.rabbitmq.host=" + RabbitMq.HOST, "spring.rabbitmq.port=" + RabbitMq.PORT,
                "govcloud.distributed.queue=" + queue, "govcloud.distributed.poll-interval=PT0.2S"));
        List<Process> workers = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            workers.add(ChildJvm.start(runs.resolve("worker-" + i + ".log"), distributed, "worker", "--db=" + shared));
        }
        Thread.sleep(20_000); // the workers start and subscribe before the manager sends partitions
        List<String> manager = new ArrayList<>(distributed);
        manager.addAll(List.of("govcloud.distributed.enabled=true", "govcloud.ingest.threads=4"));
        delayed.reset();
        begin = System.nanoTime();
        finish(ChildJvm.start(runs.resolve("manager.log"), manager, concat(range, "reprocess", "--db=" + shared)),
                "manager");
        double wall = (System.nanoTime() - begin) / 1e9;
        for (Process worker : workers) {
            worker.destroy(); // a worker logs its requests as it shuts down
            worker.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        String sharedTotals = totals(shared);
        StringBuilder requests = new StringBuilder("manager: " + requestLine(runs.resolve("manager.log")));
        for (int i = 1; i <= 2; i++) {
            requests.append("<br>worker ").append(i).append(": ").append(requestLine(runs.resolve("worker-" + i + ".log")));
        }
        lines.add(String.format("| manager + 2 workers | %.1f | %s | %s |", wall, sharedTotals.replace("/", " | "),
                requests));
        lines.add("");
        lines.add("Totals (objects/records) equal: " + singleTotals.equals(sharedTotals) + "; the proxy saw at most "
                + delayed.maxInFlight() + " requests in flight during the distributed run");
    }

    private static String[] concat(String[] range, String command, String database) {
        List<String> args = new ArrayList<>(List.of(command, database));
        args.addAll(List.of(range));
        return args.toArray(new String[0]);
    }

    private static void finish(Process process, String name) throws InterruptedException {
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() > 2) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not complete");
        }
    }

    private static String totals(String database) throws java.sql.SQLException {
        try (java.sql.Connection c = TestStore.connect(database); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(records) FROM source_object")) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2);
        }
    }

    /** The line a process logged about its S3 requests as it ended. */
    private static String requestLine(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("S3 requests:"))
                .map(l -> l.substring(l.indexOf("S3 requests:") + "S3 requests:".length()).trim())
                .reduce((a, b) -> b).orElse("(none logged)");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
