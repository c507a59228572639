package jp.govcloudops.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jp.govcloudops.config.FileModes;

/**
 * Generates the sample: plans the scenario, runs every {@link SampleWriter} in order over one shared
 * {@link SampleContext}, then writes {@code labels.json}. Pure Java, no Spring context.
 */
public final class SampleGenerator {

    /** What a run produced. */
    public record Result(Map<String, ObjectSink.Tally> tallies, List<PlantedIncident> incidents, double filesPerHour) {

        public long files() {
            return tallies.values().stream().mapToLong(ObjectSink.Tally::files).sum();
        }

        public long bytes() {
            return tallies.values().stream().mapToLong(ObjectSink.Tally::bytes).sum();
        }
    }

    private final List<SampleWriter> writers;

    public SampleGenerator() {
        this(defaultWriters());
    }

    public SampleGenerator(List<SampleWriter> writers) {
        this.writers = List.copyOf(writers);
    }

    /** The writers, in the order they run: a writer may use what the ones before it delivered. */
    public static List<SampleWriter> defaultWriters() {
        return List.of(
                new CloudTrailWriter(),
                new CloudTrailInsightWriter(),
                new CloudTrailDigestWriter(),
                new FlowLogWriter(),
                new CostWriter(),
                new RecordsWriter(),
                new SecurityServicesWriter(),
                new ConfigWriter());
    }

    /**
     * Generates into {@code options.out()}. Paths the writers own must not exist yet unless {@code overwrite},
     * which removes exactly those paths first (and nothing else in the directory).
     */
    public Result generate(SampleOptions options, boolean overwrite) throws IOException {
        Path out = options.out();
        Set<String> owned = new LinkedHashSet<>(LabelsFile.ownedPaths());
        for (SampleWriter writer : writers) {
            owned.addAll(writer.ownedPaths());
        }
        for (String path : owned) {
            Path target = out.resolve(path);
            if (Files.exists(target)) {
                if (!overwrite) {
                    throw new IllegalStateException(target + " already exists; use --overwrite to replace the sample's"
                            + " own files (" + String.join(", ", owned) + ")");
                }
                delete(target);
            }
        }
        FileModes.OWNER_ONLY.createDirectories(out);
        SampleEstate estate = new SampleEstate();
        SampleScenario scenario = SampleScenario.plan(estate, options, new Seeds(options.seed()));
        SampleContext context = new SampleContext(estate, options, scenario, new ObjectSink(out));
        for (SampleWriter writer : writers) {
            writer.write(context);
        }
        LabelsFile.write(context);
        // Owner only, like everything govcloud-ops writes: libraries (Parquet, the cost exports) write some files.
        for (String path : owned) {
            Path written = out.resolve(path.split("/", 2)[0]);
            if (Files.exists(written)) {
                FileModes.OWNER_ONLY.restrictTree(written);
            }
        }
        return new Result(context.sink().tallies(), scenario.incidents(), options.effectiveFilesPerHour());
    }

    private static void delete(Path target) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(target)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + path, e);
            }
        }
    }
}
