package jp.govcloudops.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import jp.govcloudops.bench.IngestionBenchmark.Measure;
import jp.govcloudops.bench.IngestionBenchmark.Options;

/** The benchmark's Markdown report: medians per run kind, then every target as a ratio measured back to back. */
final class Report {

    private Report() {
    }

    static String render(Options o, Installation installation, SampleFiles files, List<Measure> measures,
            List<String> checks, double loadStart, double loadEnd) throws IOException {
        StringBuilder r = new StringBuilder();
        r.append("## Ingestion benchmark, ").append(Instant.now()).append("\n\n");
        r.append(String.format("Scale %s (seed %d, day %s), %d repeats, ingestion JVM -Xmx%s %s, %d cores, Java %s;"
                + " load average %.1f at the start, %.1f at the end. Our runs start from %s.%n%n", o.scale(), o.seed(),
                o.day(), o.repeats(), o.heap(), String.join(" ", o.jvm()), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadStart, loadEnd, installation.describe()));
        r.append(String.format("Files: %d flow-log text (%.1f MB gzip), %d flow-log Parquet (%.1f MB), %d CloudTrail"
                + " (%.1f MB gzip).%n%n", files.flowText().size(), files.bytes(files.flowText()) / 1e6,
                files.flowParquet().size(), files.bytes(files.flowParquet()) / 1e6, files.cloudTrail().size(),
                files.bytes(files.cloudTrail()) / 1e6));
        r.append("Medians over the repeats. Records/s is records over the wall time of the work alone (no JVM or"
                + " context start-up); CPU is the whole process's (all threads, GC and JIT included); \"workers\" is"
                + " the CPU of the partition worker threads (reading, parsing, aggregating, storing); JIT is the time"
                + " the JIT compilers spent (wall time of compilation threads).\n\n");
        r.append("| run | source | threads | records | wall s | records/s | CPU s | CPU µs/record | of which workers s"
                + " | JIT s | peak RSS MB | peak heap MB | max live heap MB | load |\n");
        r.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, List<Measure>> byKey = new LinkedHashMap<>();
        for (Measure m : measures) {
            byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m);
        }
        for (List<Measure> group : byKey.values()) {
            Measure first = group.get(0);
            // A zcat process reads the day's flow text once; two at once read it twice.
            long records = first.subject().startsWith("zcat") ? first.threads() * recordsOf(measures, "ours flow text")
                    : first.records();
            double wall = median(group, Measure::wall);
            double cpu = median(group, Measure::cpu);
            r.append(String.format("| %s | %s | %d | %,d | %.2f | %,.0f | %.2f | %.3f | %s | %s | %s | %s | %s | %.1f |%n",
                    first.subject(), first.source(), first.threads(), records, wall, records / wall, cpu,
                    cpu * 1e6 / records, seconds(group, "workerCpuSeconds"), seconds(group, "jitSeconds"),
                    mb(group, "rssPeakBytes"), mb(group, "heapPeakBytes"),
                    liveMb(group), median(group, Measure::load)));
        }
        int t = o.maxThreads();
        r.append("\n### Targets (ratios of runs made back to back, median over the repeats, and their lowest and highest)\n\n");
        r.append("| target | measured (wall-clock rates) | measured (CPU per record) | goal |\n|---|---:|---:|---:|\n");
        ratioRow(r, measures, "flow text, " + t + " threads vs one zcat", "ours flow text", t, "zcat", 1.6, true);
        ratioRow(r, measures, "flow text, " + t + " threads vs DuckDB (2 threads)", "ours flow text", t,
                "DuckDB flow text", 1.0, false);
        ratioRow(r, measures, "CloudTrail, " + t + " threads vs DuckDB read_json (2 threads)", "ours CloudTrail", t,
                "DuckDB CloudTrail", 1.0, false);
        tenfoldRow(r, measures, t);
        if (!o.compareJvm().isEmpty()) {
            String label = " [" + String.join(" ", o.compareJvm()) + "]";
            ratioRow(r, measures, "flow text" + label + ", " + t + " threads vs one zcat", "ours flow text" + label, t,
                    "zcat", 1.6, true);
            ratioRow(r, measures, "flow text" + label + ", " + t + " threads vs DuckDB (2 threads)",
                    "ours flow text" + label, t, "DuckDB flow text", 1.0, false);
            ratioRow(r, measures, "CloudTrail" + label + ", " + t + " threads vs DuckDB read_json (2 threads)",
                    "ours CloudTrail" + label, t, "DuckDB CloudTrail", 1.0, false);
        }
        r.append("\nThe CPU column for zcat is the ratio on two otherwise idle cores: 2 × zcat's CPU seconds over"
                + " ours (ours may use both cores, zcat one).\n");
        twoCores(r, measures, t);
        Ratios parquet = ratios(measures, "ours flow Parquet", t, "DuckDB flow parquet", false);
        if (!parquet.wall().isEmpty()) {
            r.append("\nNot a target, for comparison: Parquet flow logs, the same aggregates from the same files.\n\n"
                    + "| comparison | wall-clock rates | CPU per record |\n|---|---:|---:|\n");
            r.append(String.format("| flow Parquet, %d threads vs DuckDB (2 threads) | %.2f×%s | %.2f×%s |%n", t,
                    medianOf(parquet.wall()), spread(parquet.wall()), medianOf(parquet.cpu()), spread(parquet.cpu())));
        }
        scaling(r, measures, "ours flow text", o);
        scaling(r, measures, "ours CloudTrail", o);
        memory(r, measures, o);
        detection(r, measures, "flow text", t);
        detection(r, measures, "CloudTrail", t);
        archive(r, measures, "flow text", t);
        archive(r, measures, "CloudTrail", t);
        r.append("\n### Same results\n\n");
        for (String c : checks) {
            r.append("- ").append(c).append('\n');
        }
        return r.toString();
    }

    private static void ratioRow(StringBuilder r, List<Measure> measures, String label, String ours, int threads,
            String peer, double goal, boolean peerSingleCore) {
        Ratios ratios = ratios(measures, ours, threads, peer, peerSingleCore);
        List<Double> wallRatios = ratios.wall();
        List<Double> cpuRatios = ratios.cpu();
        if (wallRatios.isEmpty()) {
            return;
        }
        double wall = medianOf(wallRatios);
        double cpu = medianOf(cpuRatios);
        r.append(String.format("| %s | %s%s | %s%s | ≥ %.1f× |%n", label, judged(wall, goal), spread(wallRatios),
                judged(cpu, goal), spread(cpuRatios), goal));
    }

    /** Our rate over the peer's, per repeat: on the wall clock, and in CPU per record. */
    private record Ratios(List<Double> wall, List<Double> cpu) {
    }

    private static Ratios ratios(List<Measure> measures, String ours, int threads, String peer,
            boolean peerSingleCore) {
        List<Double> wallRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (Measure m : measures) {
            if (!m.subject().equals(ours) || m.threads() != threads || !m.source().equals("local")) {
                continue;
            }
            for (Measure p : measures) {
                if (p.subject().equals(peer) && p.repeat() == m.repeat()) {
                    long peerRecords = p.subject().startsWith("zcat") ? p.threads() * m.records() : p.records();
                    wallRatios.add((m.records() / m.wall()) / (peerRecords / p.wall()));
                    double ourCpuPerRecord = m.cpu() / m.records();
                    double peerCpuPerRecord = p.cpu() / peerRecords;
                    cpuRatios.add((peerSingleCore ? 2 : 1) * peerCpuPerRecord / ourCpuPerRecord);
                }
            }
        }
        return new Ratios(wallRatios, cpuRatios);
    }

    /**
     * What the machine's two cores delivered in each repeat: two zcat processes at once against one, and our flow
     * text against those two. On a host that shares its cores, two busy virtual cores can give much less than twice
     * one, which no program on them can make up; these rows tell such a repeat from a slow program. The 1.6× goal
     * is 80% of one zcat per core, so 0.8 of two zcats at once is the same goal on the cores as they were.
     */
    private static void twoCores(StringBuilder r, List<Measure> measures, int threads) {
        List<Double> capacity = new ArrayList<>();
        for (Measure two : measures) {
            if (!two.subject().equals(IngestionBenchmark.ZCAT_TWO_AT_ONCE)) {
                continue;
            }
            measures.stream().filter(one -> one.subject().equals("zcat") && one.repeat() == two.repeat())
                    .forEach(one -> capacity.add(2 * one.wall() / two.wall()));
        }
        if (capacity.isEmpty()) {
            return;
        }
        r.append(String.format("%nThe two cores, measured in each repeat right after our flow-text runs: two zcat"
                + " processes at once deliver %.2f× one zcat (median%s; 2.0 on two free cores).%n%n",
                medianOf(capacity), spread(capacity)));
        r.append("| against the two cores as measured | measured (wall-clock rates) | measured (CPU per record) | goal |\n"
                + "|---|---:|---:|---:|\n");
        ratioRow(r, measures, "flow text, " + threads + " threads vs two zcats at once", "ours flow text", threads,
                IngestionBenchmark.ZCAT_TWO_AT_ONCE, 0.8, false);
    }

    /** A ratio and its verdict, with a third decimal where two would round a miss up to the goal (1.598: 1.60). */
    static String judged(double ratio, double goal) {
        String shown = String.format("%.2f", ratio);
        if (ratio < goal && Math.round(ratio * 100) >= Math.round(goal * 100)) {
            shown = String.format("%.3f", ratio);
        }
        return shown + "× " + (ratio >= goal ? "(met)" : "(not met)");
    }

    /** The lowest and highest of the repeats' ratios, so that one noisy repeat is seen rather than hidden. */
    private static String spread(List<Double> ratios) {
        if (ratios.size() < 2) {
            return "";
        }
        double low = ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return String.format(", repeats %.2f-%.2f", low, high);
    }

    /**
     * The 10x day against zcat's rate over the day's files (the 10x day is those files ten times): the same ratio
     * with the run's fixed costs (JIT, warm-up, job bookkeeping) spread over ten times the records.
     */
    private static void tenfoldRow(StringBuilder r, List<Measure> measures, int threads) {
        List<Measure> ten = measures.stream().filter(m -> m.subject().equals("ours flow text, 10x day")).toList();
        List<Measure> zcat = measures.stream().filter(m -> m.subject().equals("zcat")).toList();
        long dayRecords = recordsOf(measures, "ours flow text");
        if (ten.isEmpty() || zcat.isEmpty() || dayRecords == 0) {
            return;
        }
        double zcatRate = dayRecords / median(zcat, Measure::wall);
        double zcatCpuPerRecord = median(zcat, Measure::cpu) / dayRecords;
        double wall = ten.get(0).records() / median(ten, Measure::wall) / zcatRate;
        double cpu = 2 * zcatCpuPerRecord / (median(ten, Measure::cpu) / ten.get(0).records());
        r.append(String.format("| flow text, 10× day, %d threads vs one zcat (over the day's files) | %s | %s"
                + " | ≥ 1.6× |%n", threads, judged(wall, 1.6), judged(cpu, 1.6)));
    }

    private static void scaling(StringBuilder r, List<Measure> measures, String subject, Options o) {
        if (o.threads().size() < 2) {
            return;
        }
        StringBuilder line = new StringBuilder("\n" + subject.substring(5) + " scaling (local directory, records/s):");
        for (int t : o.threads()) {
            List<Measure> g = measures.stream().filter(m -> m.subject().equals(subject) && m.threads() == t
                    && m.source().equals("local")).toList();
            if (!g.isEmpty()) {
                line.append(String.format(" %d thread%s %,.0f;", t, t == 1 ? "" : "s",
                        g.get(0).records() / median(g, Measure::wall)));
            }
        }
        r.append(line).append('\n');
    }

    private static void memory(StringBuilder r, List<Measure> measures, Options o) {
        List<Measure> one = measures.stream().filter(m -> m.subject().equals("ours flow text") && m.source().equals("local")
                && m.threads() == o.maxThreads()).toList();
        List<Measure> ten = measures.stream().filter(m -> m.subject().equals("ours flow text, 10x day")).toList();
        if (one.isEmpty() || ten.isEmpty()) {
            return;
        }
        r.append(String.format("%nMemory: with -Xmx%s, the flow-log day (%,d records) needed %s (peak heap %s MB, peak"
                + " RSS %s MB); the day ten times larger (%,d records, %d partitions) ran in the same heap with %s (peak"
                + " heap %s MB, peak RSS %s MB).%n",
                o.heap(), one.get(0).records(), live(one), mb(one, "heapPeakBytes"), mb(one, "rssPeakBytes"),
                ten.get(0).records(), Long.parseLong(ten.get(0).figures().getProperty("partitions")), live(ten),
                mb(ten, "heapPeakBytes"), mb(ten, "rssPeakBytes")));
    }

    private static void detection(StringBuilder r, List<Measure> measures, String subject, int threads) {
        List<Measure> off = measures.stream().filter(m -> m.subject().equals("ours " + subject) && m.threads() == threads
                && m.source().equals("local")).toList();
        List<Measure> on = measures.stream().filter(m -> m.subject().equals("ours " + subject + " +detection")).toList();
        if (off.isEmpty() || on.isEmpty()) {
            return;
        }
        double offCpu = median(off, Measure::cpu) * 1e6 / off.get(0).records();
        double onCpu = median(on, Measure::cpu) * 1e6 / on.get(0).records();
        r.append(String.format("%nPer-record detection, %s: %.3f µs CPU per record with it, %.3f without: detection"
                + " costs %.3f µs per record (%.0f%%).%n", subject, onCpu, offCpu, onCpu - offCpu,
                100 * (onCpu - offCpu) / offCpu));
    }

    /** What archiving adds: the default runs archive, the "-archive" runs do not. */
    private static void archive(StringBuilder r, List<Measure> measures, String subject, int threads) {
        List<Measure> with = measures.stream().filter(m -> m.subject().equals("ours " + subject)
                && m.threads() == threads && m.source().equals("local")).toList();
        List<Measure> without = measures.stream().filter(m -> m.subject().equals("ours " + subject + " -archive"))
                .toList();
        if (with.isEmpty() || without.isEmpty()) {
            return;
        }
        double withCpu = median(with, Measure::cpu) * 1e6 / with.get(0).records();
        double withoutCpu = median(without, Measure::cpu) * 1e6 / without.get(0).records();
        double withWall = median(with, Measure::wall);
        double withoutWall = median(without, Measure::wall);
        r.append(String.format("%nArchive, %s: %.3f µs CPU per record with it, %.3f without: archiving adds %.0f%%"
                + " CPU (wall %.1f s against %.1f s, %+.0f%%).%n", subject, withCpu, withoutCpu,
                100 * (withCpu - withoutCpu) / withoutCpu, withWall, withoutWall,
                100 * (withWall - withoutWall) / withoutWall));
    }

    private static long recordsOf(List<Measure> measures, String subject) {
        return measures.stream().filter(m -> m.subject().equals(subject)).findFirst().map(Measure::records).orElse(0L);
    }

    private static String seconds(List<Measure> group, String key) {
        if (group.get(0).figures().getProperty(key) == null || !group.get(0).subject().startsWith("ours")) {
            return "–";
        }
        return String.format("%.2f", median(group, m -> Double.parseDouble(m.figures().getProperty(key))));
    }

    private static String live(List<Measure> group) {
        String live = liveMb(group);
        return live.equals("–") ? "no collection during the work" : "at most " + live + " MB of live heap after a collection";
    }

    /** The largest live heap after a collection over the repeats; "–" when no repeat had a collection. */
    private static String liveMb(List<Measure> group) {
        long max = group.stream().mapToLong(m -> m.bytes("heapLiveAfterGcMaxBytes")).max().orElse(-1);
        return max < 0 ? "–" : String.format("%.0f", max / (double) (1 << 20));
    }

    private static String mb(List<Measure> group, String key) {
        double v = median(group, m -> m.bytes(key));
        return v < 0 ? "–" : String.format("%.0f", v / (1 << 20));
    }

    static double median(List<Measure> group, ToDoubleFunction<Measure> f) {
        return medianOf(group.stream().map(f::applyAsDouble).toList());
    }

    static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
