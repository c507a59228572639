package jp.govcloudops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jp.govcloudops.sample.SampleGenerator;
import jp.govcloudops.sample.SampleOptions;

/**
 * The ingestion benchmark (docs/benchmarks.md). Generates one day with the sample generator, then, repeated and
 * back to back so that every ratio compares runs made under the same machine load:
 * <ul>
 * <li>one {@code zcat} process over the flow-log text files;</li>
 * <li>DuckDB (2 threads) computing {@code flow_daily} from the same text and Parquet files and {@code
 * cloudtrail_daily} with read_json from the same CloudTrail files;</li>
 * <li>our ingestion (the real job, H2 file store, detection off) from the local directory at each thread count,
 * each log type on its own so each has its own rate;</li>
 * </ul>
 * then the same ingestion from a local S3 API server, and a flow-log day ten times larger (the same files linked
 * under ten times the accounts) in the same heap. Every DuckDB aggregate is compared row by row with ours.
 *
 * <p>Options ({@code --name=value}): scale (260: about 5.2 million flow and 1.3 million CloudTrail records),
 * seed, day, work (directory for data and stores), threads (1,2), repeats (3), heap (512m), jvm (further JVM
 * options for the ingestion runs, comma-separated; default -XX:TieredStopAtLevel=1,-XX:+UseParallelGC as jobs/bin/govcloud-ops), compare-jvm (other JVM options:
 * flow text and CloudTrail also run with these at the highest thread count, back to back), s3, parquet, tenfold,
 * duckdb (all true), detection (false: also run with per-record detection on and report its share), archive (false:
 * also run without the archive and report what archiving adds), jfr (false:
 * record each ingestion with Flight Recorder), keep (false: delete the generated data at the end), install (true:
 * our runs start from the jar installed by jobs/bin/govcloud-ops-install, as jobs/bin/govcloud-ops runs it; false:
 * from the build's class directories), jar (target/govcloud-ops.jar: what is installed).
 */
public final class IngestionBenchmark {

    record Options(double scale, long seed, LocalDate day, Path work, List<Integer> threads, int repeats,
            String heap, List<String> jvm, List<String> compareJvm, boolean s3, boolean parquet, boolean tenfold, boolean duckdb, boolean detection,
            boolean archive, boolean jfr, boolean keep, boolean install, Path jar) {

        static Options parse(String[] args) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String a : args) {
                if (!a.startsWith("--") || !a.contains("=")) {
                    throw new IllegalArgumentException("options are --name=value, not " + a);
                }
                m.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
            Options o = new Options(Double.parseDouble(m.getOrDefault("scale", "260")),
                    Long.parseLong(m.getOrDefault("seed", "20261001")),
                    LocalDate.parse(m.getOrDefault("day", "2026-10-01")),
                    Path.of(m.getOrDefault("work", "target/bench")).toAbsolutePath(),
                    Arrays.stream(m.getOrDefault("threads", "1,2").split(",")).map(Integer::valueOf).toList(),
                    Integer.parseInt(m.getOrDefault("repeats", "3")), m.getOrDefault("heap", "512m"),
                    Arrays.stream(m.getOrDefault("jvm", DEPLOYED_JVM_OPTIONS).split(",")).filter(x -> !x.isBlank()).toList(),
                    Arrays.stream(m.getOrDefault("compare-jvm", "").split(",")).filter(x -> !x.isBlank()).toList(),
                    bool(m, "s3", true), bool(m, "parquet", true), bool(m, "tenfold", true), bool(m, "duckdb", true),
                    bool(m, "detection", false), bool(m, "archive", false), bool(m, "jfr", false), bool(m, "keep", false),
                    bool(m, "install", true), Path.of(m.getOrDefault("jar", "target/govcloud-ops.jar")));
            Set<String> known = Set.of("scale", "seed", "day", "work", "threads", "repeats", "heap", "jvm", "compare-jvm", "s3", "parquet",
                    "tenfold", "duckdb", "detection", "archive", "jfr", "keep", "install", "jar");
            for (String k : m.keySet()) {
                if (!known.contains(k)) {
                    throw new IllegalArgumentException("unknown option --" + k + "; known: " + new TreeSet<>(known));
                }
            }
            return o;
        }

        private static boolean bool(Map<String, String> m, String key, boolean dflt) {
            return Boolean.parseBoolean(m.getOrDefault(key, Boolean.toString(dflt)));
        }

        int maxThreads() {
            return threads.stream().max(Integer::compare).orElse(2);
        }
    }

    /** The JIT and collector settings jobs/bin/govcloud-ops and the nightly unit run with (besides the heap). */
    static final String DEPLOYED_JVM_OPTIONS = "-XX:TieredStopAtLevel=1,-XX:+UseParallelGC";

    /** Two zcat processes started together, right after our flow-text runs: the two cores' capacity then. */
    static final String ZCAT_TWO_AT_ONCE = "zcat, two at once";

    /** One measured run. */
    record Measure(String subject, String source, int threads, int repeat, Properties figures, double load) {

        double wall() {
            return Double.parseDouble(figures.getProperty("wallSeconds"));
        }

        double cpu() {
            return Double.parseDouble(figures.getProperty("cpuSeconds"));
        }

        long records() {
            return Long.parseLong(figures.getProperty("records", "0"));
        }

        long bytes(String key) {
            return Long.parseLong(figures.getProperty(key, "-1"));
        }

        String key() {
            return subject + " | " + source + " | " + threads;
        }
    }

    private final Options options;
    private final Path data;
    private final Path runs;
    private final List<Measure> measures = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private SampleFiles files;
    private Installation installation = Installation.none();

    IngestionBenchmark(Options options) {
        this.options = options;
        this.data = options.work().resolve("data-" + options.scale() + "-" + options.seed());
        this.runs = options.work().resolve("runs");
    }

    public static void main(String[] args) throws Exception {
        IngestionBenchmark bench = new IngestionBenchmark(Options.parse(args));
        int exit = bench.run();
        System.exit(exit);
    }

    int run() throws Exception {
        double startLoad = ChildRun.load();
        generate();
        files = SampleFiles.scan(data.resolve("logs"));
        log("files: %d flow text (%d MB), %d flow Parquet (%d MB), %d CloudTrail (%d MB); text accounts %s",
                files.flowText().size(), files.bytes(files.flowText()) >> 20, files.flowParquet().size(),
                files.bytes(files.flowParquet()) >> 20, files.cloudTrail().size(), files.bytes(files.cloudTrail()) >> 20,
                files.flowTextAccounts());
        Path lists = options.work().resolve("lists");
        Files.createDirectories(lists);
        Files.write(lists.resolve("flow-text.txt"), files.flowText());
        Files.write(lists.resolve("flow-parquet.txt"), files.flowParquet());
        Files.write(lists.resolve("cloudtrail.txt"), files.cloudTrail());
        String local = data.resolve("logs").toString();
        if (options.install()) {
            log("installing %s as jobs/bin/govcloud-ops-install does", options.jar());
            installation = Installation.of(options.jar(), options.work().resolve("install"));
        }

        for (int rep = 1; rep <= options.repeats(); rep++) {
            measures.add(new Measure("zcat", "local", 1, rep, Zcat.run(files.flowText()), ChildRun.load()));
            log("zcat: %s s", last().figures().getProperty("wallSeconds"));
            duck(rep, "flow-text", lists);
            for (int t : options.threads()) {
                ours(rep, "flow text", local, t, "vpcflow", files.flowTextAccounts(), "flow_daily", List.of());
            }
            measures.add(new Measure(ZCAT_TWO_AT_ONCE, "local", 2, rep, Zcat.run(files.flowText(), 2),
                    ChildRun.load()));
            log("two zcats at once: %s s", last().figures().getProperty("wallSeconds"));
            duck(rep, "cloudtrail", lists);
            for (int t : options.threads()) {
                ours(rep, "CloudTrail", local, t, "cloudtrail", Set.of(), "cloudtrail_daily", List.of());
            }
            if (!options.compareJvm().isEmpty()) {
                List<String> alt = options.compareJvm().stream().map(o -> "--jvm:" + o).toList();
                String label = " [" + String.join(" ", options.compareJvm()) + "]";
                ours(rep, "flow text" + label, local, options.maxThreads(), "vpcflow", files.flowTextAccounts(),
                        "flow_daily", alt);
                ours(rep, "CloudTrail" + label, local, options.maxThreads(), "cloudtrail", Set.of(),
                        "cloudtrail_daily", alt);
            }
            if (options.parquet() && !files.flowParquet().isEmpty()) {
                duck(rep, "flow-parquet", lists);
                ours(rep, "flow Parquet", local, options.maxThreads(), "vpcflow", files.flowParquetAccounts(),
                        "flow_daily", List.of());
            }
            if (options.archive()) {
                // The runs above archive every record (the default); these do not, to show what archiving costs.
                List<String> off = List.of("--govcloud.archive.enabled=false");
                ours(rep, "flow text -archive", local, options.maxThreads(), "vpcflow", files.flowTextAccounts(),
                        "flow_daily", off);
                ours(rep, "CloudTrail -archive", local, options.maxThreads(), "cloudtrail", Set.of(),
                        "cloudtrail_daily", off);
            }
            if (options.detection()) {
                List<String> on = List.of("--govcloud.detection.enabled=true");
                ours(rep, "flow text +detection", local, options.maxThreads(), "vpcflow", files.flowTextAccounts(),
                        "flow_daily", on);
                ours(rep, "CloudTrail +detection", local, options.maxThreads(), "cloudtrail", Set.of(),
                        "cloudtrail_daily", on);
            }
        }
        if (options.duckdb()) {
            compare("flow text", "flow-text");
            compare("CloudTrail", "cloudtrail");
            if (options.parquet() && !files.flowParquet().isEmpty()) {
                compare("flow Parquet", "flow-parquet");
            }
        }
        if (options.s3()) {
            s3Runs();
        }
        if (options.tenfold()) {
            tenfold();
        }
        String report = Report.render(options, installation, files, measures, checks, startLoad, ChildRun.load());
        Files.writeString(options.work().resolve("report.md"), report);
        System.out.println(report);
        if (!options.keep()) {
            deleteTree(data);
            deleteTree(data.resolveSibling(data.getFileName() + "-tenfold"));
            deleteTree(options.work().resolve("s3"));
        }
        return checks.stream().anyMatch(c -> c.startsWith("MISMATCH")) ? 1 : 0;
    }

    private Measure last() {
        return measures.get(measures.size() - 1);
    }

    private void generate() throws IOException {
        Path marker = data.resolve("generated");
        if (Files.exists(marker)) {
            log("using the generated day in %s", data);
            return;
        }
        deleteTree(data);
        log("generating %s at scale %s (seed %d) into %s", options.day(), options.scale(), options.seed(), data);
        long start = System.nanoTime();
        new SampleGenerator().generate(new SampleOptions(options.day(), options.day(), data, options.scale(),
                options.seed(), null), false);
        log("generated in %.0f s", (System.nanoTime() - start) / 1e9);
        Files.writeString(marker, "scale " + options.scale() + " seed " + options.seed() + "\n");
    }

    private void duck(int rep, String kind, Path lists) {
        if (!options.duckdb()) {
            return;
        }
        String name = "duckdb-" + kind + "-" + rep;
        double load = ChildRun.load();
        Properties p = ChildRun.run(runs, name, List.of("-Xmx256m"), ChildRun.classPath(),
                DuckDbAggregates.class.getName(), List.of(runs.resolve(name + ".properties").toString(),
                        runs.resolve(rowsName(kind, rep)).toString(), kind, lists.resolve(kind + ".txt").toString(),
                        "2"));
        measures.add(new Measure("DuckDB " + kind.replace("-", " ").replace("cloudtrail", "CloudTrail"), "local", 2,
                rep, p, load));
        log("%s: %s s, %s records", name, p.getProperty("wallSeconds"), p.getProperty("records"));
    }

    private static String rowsName(String kind, int rep) {
        return "rows-duckdb-" + kind + "-" + rep + ".tsv";
    }

    private Measure ours(int rep, String subject, String source, int threads, String logType, Set<String> accounts,
            String view, List<String> extra) throws IOException {
        String name = (subject + "-" + (source.startsWith("s3://") ? "s3" : "local") + "-t" + threads + "-" + rep)
                .replaceAll("[^A-Za-z0-9.,-]+", "-");
        Path store = runs.resolve(name + "-db");
        deleteTree(store);
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.heap(), "-Daws.accessKeyId=" + S3Server.ACCESS_KEY,
                "-Daws.secretAccessKey=" + S3Server.SECRET_KEY));
        jvm.addAll(options.jvm());
        jvm.addAll(installation.jvmOptions());
        // Extra arguments starting --jvm: are JVM options of this run, the rest Spring properties.
        extra.stream().filter(a -> a.startsWith("--jvm:")).map(a -> a.substring(6)).forEach(jvm::add);
        extra = extra.stream().filter(a -> !a.startsWith("--jvm:")).toList();
        if (options.jfr()) {
            jvm.add("-XX:StartFlightRecording=filename=" + runs.resolve(name + ".jfr") + ",settings=profile");
        }
        List<String> args = new ArrayList<>(List.of(runs.resolve(name + ".properties").toString(),
                runs.resolve("rows-" + name + ".tsv").toString(), view, options.day().minusDays(1).toString(),
                options.day().plusDays(1).toString(), logType, accounts.isEmpty() ? "*" : String.join(",", accounts),
                source, "--spring.datasource.url=jdbc:h2:file:" + store.resolve("govcloud"),
                "--spring.config.additional-location=optional:file:" + data.resolve("config") + "/",
                "--govcloud.ingest.threads=" + threads, "--govcloud.detection.enabled=false",
                "--logging.level.root=WARN", "--logging.level.jp.govcloudops=WARN"));
        // An extra property replaces the default one of the same name (Spring would join both values).
        for (String property : extra) {
            String key = property.substring(0, property.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(key));
        }
        args.addAll(extra);
        double load = ChildRun.load();
        Properties p = ChildRun.run(runs, name, jvm, installation.classPath(), MeasuredIngest.class.getName(), args);
        deleteTree(store);
        if (!"COMPLETED".equals(p.getProperty("status"))) {
            throw new IllegalStateException(name + " ended " + p.getProperty("status") + "; see " + runs.resolve(name + ".log"));
        }
        Measure m = new Measure("ours " + subject, source.startsWith("s3://") ? "S3 API server" : "local", threads, rep, p, load);
        measures.add(m);
        log("%s: %s s wall, %s s CPU, %s records, %s quarantined (load %.1f)", name, p.getProperty("wallSeconds"),
                p.getProperty("cpuSeconds"), p.getProperty("records"), p.getProperty("quarantined"), load);
        return m;
    }

    /** Our view against DuckDB's result for the same files, row by row (first repetition). */
    private void compare(String subject, String kind) throws IOException {
        Path ours = runs.resolve(("rows-" + subject + "-local-t" + options.maxThreads() + "-1.tsv").replace(' ', '-'));
        Path theirs = runs.resolve(rowsName(kind, 1));
        List<String> a = Files.readAllLines(ours).stream().sorted().toList();
        List<String> b = Files.readAllLines(theirs).stream().sorted().toList();
        long total = a.stream().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf('\t') + 1))).sum();
        if (a.equals(b)) {
            checks.add("equal: " + subject + ": our view and DuckDB agree on all " + a.size() + " rows");
        } else {
            Set<String> onlyOurs = new TreeSet<>(a);
            b.forEach(onlyOurs::remove);
            Set<String> onlyTheirs = new TreeSet<>(b);
            a.forEach(onlyTheirs::remove);
            checks.add("MISMATCH: " + subject + ": " + a.size() + " rows ours, " + b.size() + " DuckDB; only ours: "
                    + onlyOurs.stream().limit(3).toList() + "; only DuckDB: " + onlyTheirs.stream().limit(3).toList());
        }
        log("%s (last column total %d)", checks.get(checks.size() - 1), total);
    }

    private void s3Runs() throws Exception {
        Path jar = Path.of("target/test-servers/s3mock.jar").toAbsolutePath();
        Path root = options.work().resolve("s3");
        deleteTree(root);
        try (S3Server s3 = new S3Server(jar, root)) {
            long start = System.nanoTime();
            long uploaded = s3.upload(data.resolve("logs"), "bench-logs");
            log("uploaded %d objects to %s in %.0f s", uploaded, s3.endpoint(), (System.nanoTime() - start) / 1e9);
            List<String> endpoint = List.of("--govcloud.s3.endpoint=" + s3.endpoint(), "--govcloud.s3.region=ap-northeast-1");
            // Once: the S3 server shares the two cores with the ingestion, so these runs show the path works at
            // scale and what it costs, not a rate to compare with the peers.
            ours(1, "flow text", "s3://bench-logs/", options.maxThreads(), "vpcflow", files.flowTextAccounts(),
                    "flow_daily", endpoint);
            ours(1, "CloudTrail", "s3://bench-logs/", options.maxThreads(), "cloudtrail", Set.of(),
                    "cloudtrail_daily", endpoint);
        } finally {
            deleteTree(root);
        }
    }

    /** The flow-log text day ten times over: each account's files linked (not copied) under nine more accounts. */
    private void tenfold() throws IOException {
        Path big = data.resolveSibling(data.getFileName() + "-tenfold");
        deleteTree(big);
        Path logs = data.resolve("logs");
        Set<String> accounts = new TreeSet<>();
        for (String file : files.flowText()) {
            Path rel = logs.relativize(Path.of(file));
            for (int copy = 0; copy < 10; copy++) {
                String prefix = String.format("%03d", 900 + copy);
                Path target = big.resolve(SampleFiles.withAccount(rel, account -> prefix + account.substring(3)));
                Files.createDirectories(target.getParent());
                Files.createLink(target, Path.of(file));
            }
        }
        for (String account : files.flowTextAccounts()) {
            for (int copy = 0; copy < 10; copy++) {
                accounts.add(String.format("%03d", 900 + copy) + account.substring(3));
            }
        }
        try {
            ours(1, "flow text, 10x day", big.toString(), options.maxThreads(), "vpcflow", accounts, "flow_daily", List.of());
        } finally {
            deleteTree(big);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
        System.out.flush();
    }
}
