package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.sample.ObjectSink;
import jp.govcloudops.sample.PlantedIncident;
import jp.govcloudops.sample.SampleCalendar;
import jp.govcloudops.sample.SampleGenerator;
import jp.govcloudops.sample.SampleOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the deterministic sample estate. Plain Java: it never starts the application context. */
@Command(name = "sample-data", mixinStandardHelpOptions = true,
        description = {"Generates a deterministic sample: CloudTrail, CloudTrail Insights and digest files and VPC",
                "flow logs (text and Parquet, plain, Hive and per-hour layouts) under OUT/logs, planted security",
                "incidents listed in OUT/labels.json, and the estate's configuration in OUT/config/application.yml."})
public class SampleDataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "D", description = "First UTC day.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "D", description = "Last UTC day (inclusive).")
    LocalDate to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "N",
            description = "Volume: 1 is about 20,000 flow records and 5,000 CloudTrail records a day; decimals"
                    + " allowed (0.1 is a tenth). Default: ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Random seed; the same seed gives byte-identical files. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--files-per-hour", paramLabel = "N",
            description = "Files per log stream and hour: 12, 6, 4, 3, 2, 1, or below 1 for one file every 1/N"
                    + " hours (0.5, 0.25, ...). Default: 1 from scale 0.5, 0.5 from scale 0.25, else 0.25.")
    Double filesPerHour;

    @Option(names = "--overwrite",
            description = "Replace the sample's own files (logs/, labels.json, config/application.yml) if present.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        quietLibraryLogging();
        SampleOptions options;
        try {
            options = new SampleOptions(from, to, out, scale, seed, filesPerHour);
        } catch (IllegalArgumentException e) {
            throw Usage.error(spec, e.getMessage());
        }
        long started = System.nanoTime();
        SampleGenerator.Result result = new SampleGenerator().generate(options, overwrite);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("Sample written to %s (%s..%s, scale %s, seed %d, %s files per stream and hour) in %.1f s%n", out,
                from, to, scale, seed, result.filesPerHour(), (System.nanoTime() - started) / 1e9);
        for (Map.Entry<String, ObjectSink.Tally> e : result.tallies().entrySet()) {
            w.printf("  %-20s %7d files %10d records %12d bytes%n", e.getKey(), e.getValue().files(),
                    e.getValue().records(), e.getValue().bytes());
        }
        w.printf("  %-20s %7d files %10s         %12d bytes%n", "total", result.files(), "", result.bytes());
        w.printf("Planted incidents (labels.json): %d%n", result.incidents().size());
        for (PlantedIncident incident : result.incidents()) {
            w.printf("  %s  %-26s %-8s %-14s %s JST  %d records in %d object(s)%n", incident.id(), incident.label(),
                    incident.logType(), incident.account().name(),
                    Instant.ofEpochSecond(incident.firstTime()).atZone(SampleCalendar.JST).toLocalDateTime(),
                    incident.records(), incident.objectKeys().size());
        }
        w.flush();
        return ExitCodes.OK;
    }

    /**
     * Without the application context no logging configuration is loaded, and the Parquet writer's Hadoop
     * classes would report every compressor they create. Only warnings and errors are worth showing here.
     */
    private static void quietLibraryLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        if (LoggerFactory.getLogger("org.apache.hadoop") instanceof ch.qos.logback.classic.Logger hadoop) {
            hadoop.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
