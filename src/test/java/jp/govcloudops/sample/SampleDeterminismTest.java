package jp.govcloudops.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDeterminismTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 5);

    @TempDir
    static Path shared;
    static Map<String, byte[]> first;

    @BeforeAll
    static void generateOnce() throws IOException {
        first = generate(shared.resolve("a"), 42);
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDiffers(@TempDir Path dir) throws IOException {
        Map<String, byte[]> second = generate(dir.resolve("b"), 42);
        Map<String, byte[]> other = generate(dir.resolve("c"), 43);

        assertThat(first.keySet()).anyMatch(k -> k.endsWith(".log.parquet")).anyMatch(k -> k.endsWith(".json.gz"))
                .contains("labels.json", "config/application.yml");
        assertSameFiles(first, second);
        assertThat(other.keySet()).isNotEqualTo(first.keySet());
        assertThat(Arrays.equals(other.get("labels.json"), first.get("labels.json"))).isFalse();
    }

    @Test
    void anExtraWriterDoesNotChangeTheOthers(@TempDir Path dir) throws IOException {
        SampleWriter extra = new SampleWriter() {
            @Override
            public String name() {
                return "extra";
            }

            @Override
            public java.util.List<String> ownedPaths() {
                return java.util.List.of("records");
            }

            @Override
            public void write(SampleContext context) {
                var random = context.seeds().stream(name());
                context.sink().write(name(), "records/extra.txt", new byte[] {(byte) random.nextInt()}, 1);
            }
        };
        var writers = new java.util.ArrayList<>(SampleGenerator.defaultWriters());
        writers.add(0, extra);
        Path withExtra = dir.resolve("b");
        new SampleGenerator(writers).generate(new SampleOptions(DAY, DAY, withExtra, 0.05, 42, null), false);
        Map<String, byte[]> extended = read(withExtra);
        assertThat(extended).containsKey("records/extra.txt");
        extended.remove("records/extra.txt");
        assertSameFiles(first, extended);
    }

    /** Same paths, same bytes; the configuration may differ only in the output directory it names. */
    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            byte[] want = file.getValue();
            byte[] got = actual.get(file.getKey());
            if (file.getKey().equals("config/application.yml")) {
                want = withoutOutputDirectory(want);
                got = withoutOutputDirectory(got);
            }
            assertThat(Arrays.equals(want, got)).as("identical bytes in " + file.getKey()).isTrue();
        }
    }

    private static byte[] withoutOutputDirectory(byte[] config) {
        return new String(config, StandardCharsets.UTF_8).replaceAll("/[^\\s]*junit[^/\\s]*/[abc]", "OUT")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> generate(Path out, long seed) throws IOException {
        new SampleGenerator().generate(new SampleOptions(DAY, DAY, out, 0.05, seed, null), false);
        return read(out);
    }

    private static Map<String, byte[]> read(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
