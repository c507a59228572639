package jp.govcloudops.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.govcloudops.format.cloudtrail.CloudTrailReader;
import jp.govcloudops.format.flowlog.FlowLogTextReader;
import jp.govcloudops.support.SharedDatasets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The real log files of the shared datasets: for every file, accepted records plus quarantined records equal the
 * file's own record count, counted here independently (a whole-tree JSON parse, a plain line count).
 */
class SharedDatasetConformanceTest {

    static Stream<Path> cloudTrailFiles() throws IOException {
        Path root = SharedDatasets.root().resolve("cloudtrail");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz"))
                    .filter(p -> !p.getFileName().toString().contains("expectations")).sorted().toList().stream();
        }
    }

    static Stream<Path> flowFiles() throws IOException {
        Path root = SharedDatasets.root().resolve("vpcflow");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".log.gz")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cloudTrailFiles")
    void cloudTrailRecordsAndQuarantineAddUpToTheFile(Path file) throws IOException {
        JsonNode tree;
        try (InputStream in = Decompression.open(Files.newInputStream(file))) {
            tree = new ObjectMapper().readTree(in);
        }
        JsonNode records = tree.isArray() ? tree : tree.get("Records");
        int expected = records.size();
        Map<String, Integer> acceptedByName = new HashMap<>();
        List<String> reasons = new ArrayList<>();
        long total;
        try (InputStream in = Decompression.open(Files.newInputStream(file))) {
            total = new CloudTrailReader().read(in, TimeWindow.ANY, e -> acceptedByName.merge(String.valueOf(e.eventName()), 1,
                    Integer::sum), (position, reason, excerpt, count) -> reasons.add(reason));
        }
        int accepted = acceptedByName.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(expected);
        assertThat(accepted + reasons.size()).as("accepted + quarantined in %s", file.getFileName()).isEqualTo(expected);

        // Every record with an AWS-style eventTime is accepted, with its own eventName.
        Map<String, Integer> expectedByName = new HashMap<>();
        int awsTimes = 0;
        for (JsonNode record : records) {
            String time = record.path("eventTime").asString("");
            if (time.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z")) {
                awsTimes++;
                expectedByName.merge(record.path("eventName").isMissingNode() ? "null"
                        : record.path("eventName").asString(), 1, Integer::sum);
            }
        }
        assertThat(accepted).isEqualTo(awsTimes);
        assertThat(acceptedByName).isEqualTo(expectedByName);
    }

    @ParameterizedTest
    @MethodSource("flowFiles")
    void flowRecordsAndQuarantineAddUpToTheFile(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Decompression.open(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        boolean header = lines.get(0).matches("[a-z][a-z0-9 _-]*");
        int expected = lines.size() - (header ? 1 : 0);
        long[] accepted = {0, 0};
        List<String> reasons = new ArrayList<>();
        long total;
        try (InputStream in = Decompression.open(Files.newInputStream(file))) {
            total = new FlowLogTextReader().read(in, TimeWindow.ANY, 1_700_000_000L, r -> {
                accepted[0]++;
                accepted[1] += Math.max(0, r.bytes());
            }, (position, reason, excerpt, count) -> reasons.add(position + ": " + reason));
        }
        assertThat(total).isEqualTo(expected);
        assertThat(reasons).as("quarantine of %s", file.getFileName()).isEmpty();
        assertThat(accepted[0]).isEqualTo(expected);
    }
}
