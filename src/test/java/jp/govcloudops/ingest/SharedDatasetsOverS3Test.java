package jp.govcloudops.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.govcloudops.format.Decompression;
import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogType;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.S3TestServer;
import jp.govcloudops.support.SharedDatasets;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The real CloudTrail and flow-log samples of the shared datasets, laid out in S3 folders as AWS would deliver them
 * (each CloudTrail record in the folder of its own UTC date; each flow-log file in the folder of its first record's
 * start) and ingested over HTTP. Every record is stored on its own day, with its values, or quarantined with a
 * reason that says which field and why; counted here with other code (a whole-tree JSON parse, a plain split).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SharedDatasetsOverS3Test {

    static final String CLOUDTRAIL_ACCOUNT = "300000000020";
    static final String FLOW_ACCOUNT = "300000000021";
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** The eventTime forms AWS writes, which the reader takes: ISO-8601 with a zone. */
    static final Pattern ISO = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");

    @Autowired
    IngestLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("govcloud-datasets-s3-");
        registry.add("spring.datasource.url", () -> TestStore.h2(dir));
        registry.add("govcloud.s3.endpoint", () -> S3TestServer.get().endpoint());
    }

    /** What the files say, counted without the project's readers. */
    static final class Expected {
        final Map<String, Long> stored = new TreeMap<>();
        final List<String> quarantined = new ArrayList<>();
        LocalDate first = LocalDate.MAX;
        LocalDate last = LocalDate.MIN;

        void folder(LocalDate day) {
            first = day.isBefore(first) ? day : first;
            last = day.isAfter(last) ? day : last;
        }
    }

    @Test
    void everySampleRecordIsStoredOnItsDayOrQuarantinedWithItsReason() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        Expected expected = new Expected();
        layOutCloudTrail(tree, expected);
        layOutFlowLogs(tree, expected);
        S3TestServer.get().upload(tree.root(), "shared-datasets", "estate/");

        IngestLauncher.Outcome outcome = launcher.run(new IngestParameters(expected.first, expected.last,
                EnumSet.allOf(LogType.class), Set.of(), false, List.of("s3://shared-datasets/estate"), 1),
                Duration.ZERO);
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcome.summary().failedObjects()).isZero();

        Map<String, Long> stored = new TreeMap<>();
        jdbc.query("SELECT day, event_name, SUM(events) FROM cloudtrail_daily WHERE account_id = ? GROUP BY day,"
                + " event_name", rs -> {
                    stored.merge("cloudtrail " + rs.getString(1) + " " + rs.getString(2), rs.getLong(3), Long::sum);
                }, CLOUDTRAIL_ACCOUNT);
        jdbc.query("SELECT day, interface_id, action, log_status, SUM(flows), SUM(packets), SUM(bytes) FROM flow_daily"
                + " WHERE account_id = ? GROUP BY day, interface_id, action, log_status", rs -> {
                    stored.merge("flow " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                            + rs.getString(4) + " flows", rs.getLong(5), Long::sum);
                    stored.merge("flow " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                            + rs.getString(4) + " packets", rs.getLong(6), Long::sum);
                    stored.merge("flow " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                            + rs.getString(4) + " bytes", rs.getLong(7), Long::sum);
                }, FLOW_ACCOUNT);
        assertThat(stored).containsExactlyInAnyOrderEntriesOf(expected.stored);

        List<String> quarantined = jdbc.query("SELECT q.reason FROM quarantine q JOIN log_partition p ON p.id"
                + " = q.partition_id WHERE p.account_id IN (?, ?) ORDER BY q.reason", (rs, i) -> rs.getString(1),
                CLOUDTRAIL_ACCOUNT, FLOW_ACCOUNT);
        assertThat(quarantined).containsExactlyInAnyOrderElementsOf(expected.quarantined);
        assertThat(outcome.summary().quarantined()).isEqualTo(expected.quarantined.size());
        // Every position names a record, line or row of its object, counted from 1.
        assertThat(jdbc.queryForList("SELECT position FROM quarantine q JOIN log_partition p ON p.id = q.partition_id"
                + " WHERE p.account_id IN (?, ?)", String.class, CLOUDTRAIL_ACCOUNT, FLOW_ACCOUNT))
                .allMatch(position -> position.matches("(record|line) [1-9][0-9]*"));
    }

    /**
     * Each file's records, grouped by the UTC date of their eventTime, as objects in that date's folder (records
     * whose eventTime is not ISO-8601 in the folder of the file's first date: they are quarantined wherever they
     * lie). A record is stored on the Japan date of its eventTime.
     */
    void layOutCloudTrail(LogTree tree, Expected expected) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SharedDatasets.root().resolve("cloudtrail"))) {
            files = walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz"))
                    .filter(p -> !p.getFileName().toString().contains("expectations")).sorted().toList();
        }
        int n = 0;
        for (Path file : files) {
            JsonNode root;
            try (InputStream in = Decompression.open(Files.newInputStream(file))) {
                root = json.readTree(in);
            }
            Map<LocalDate, ArrayNode> byDay = new LinkedHashMap<>();
            List<JsonNode> undated = new ArrayList<>();
            for (JsonNode record : root.isArray() ? root : root.path("Records")) {
                String time = record.path("eventTime").isString() ? record.path("eventTime").asString() : "";
                Instant at = ISO.matcher(time).matches() ? instant(time) : null;
                if (at == null) {
                    undated.add(record);
                    expected.quarantined.add(record.has("eventTime") && !record.path("eventTime").isNull()
                            ? "eventTime '" + (record.path("eventTime").isString() ? time
                                    : record.path("eventTime").toString()) + "' is not an ISO-8601 date-time with zone"
                            : "no eventTime");
                    continue;
                }
                byDay.computeIfAbsent(LocalDate.ofInstant(at, ZoneOffset.UTC), d -> json.createArrayNode()).add(record);
                expected.stored.merge("cloudtrail " + LocalDate.ofInstant(at, JAPAN) + " "
                        + (record.path("eventName").isString() ? record.path("eventName").asString() : "null"), 1L,
                        Long::sum);
            }
            if (!undated.isEmpty()) {
                LocalDate day = byDay.isEmpty() ? LocalDate.parse("2019-01-01") : byDay.keySet().iterator().next();
                undated.forEach(byDay.computeIfAbsent(day, d -> json.createArrayNode())::add);
            }
            for (Map.Entry<LocalDate, ArrayNode> day : byDay.entrySet()) {
                String stamp = day.getKey().toString().replace("-", "") + "T0000Z";
                // A bare array stays one, as the file had it; the rest in CloudTrail's own wrapper.
                String body = root.isArray() ? day.getValue().toString()
                        : json.createObjectNode().set("Records", day.getValue()).toString();
                tree.write(LogTree.cloudTrailFolder(CLOUDTRAIL_ACCOUNT, "us-east-1", day.getKey()) + CLOUDTRAIL_ACCOUNT
                        + "_CloudTrail_us-east-1_" + stamp + "_" + (n++) + ".json.gz", LogTree.gzip(body));
                expected.folder(day.getKey());
            }
        }
    }

    private static Instant instant(String time) {
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Each file whole, in the folder of its first record's start (files without start in a fixed folder; their
     * records take the key's time); a record whose start is more than 7 days from that folder is quarantined.
     */
    void layOutFlowLogs(LogTree tree, Expected expected) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SharedDatasets.root().resolve("vpcflow"))) {
            files = walk.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".log.gz")).sorted()
                    .toList();
        }
        int n = 0;
        for (Path file : files) {
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    Decompression.open(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                reader.lines().filter(l -> !l.isBlank()).forEach(lines::add);
            }
            List<String> header = lines.get(0).matches("[a-z][a-z0-9 _-]*") ? List.of(lines.remove(0).split(" "))
                    : List.of(LogTree.V2_HEADER.split(" "));
            int start = header.indexOf("start");
            LocalDate folder = start < 0 ? LocalDate.parse("2021-01-01")
                    : LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(lines.get(0).trim().split("\\s+")[start])),
                            ZoneOffset.UTC);
            long folderStart = folder.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            for (String line : lines) {
                String[] f = line.trim().split("\\s+"); // one sample line has two spaces between fields
                long at = start < 0 || f[start].equals("-") ? folderStart : Long.parseLong(f[start]);
                if (at < folderStart - 7 * 86400 || at >= folderStart + 8 * 86400) {
                    expected.quarantined.add("field start " + at + " (" + Instant.ofEpochSecond(at) + ") is more than"
                            + " 7 days away from the folder date " + folder + " (govcloud.ingest.record-time-window)");
                    continue;
                }
                String key = "flow " + LocalDate.ofInstant(Instant.ofEpochSecond(at), JAPAN) + " "
                        + value(header, f, "interface-id") + " " + value(header, f, "action") + " "
                        + value(header, f, "log-status");
                expected.stored.merge(key + " flows", 1L, Long::sum);
                expected.stored.merge(key + " packets", number(header, f, "packets"), Long::sum);
                expected.stored.merge(key + " bytes", number(header, f, "bytes"), Long::sum);
            }
            String name = file.getFileName().toString();
            tree.write(LogTree.flowFolder(FLOW_ACCOUNT, "us-east-1", folder) + FLOW_ACCOUNT + "_vpcflowlogs_us-east-1_fl-"
                    + (n++) + "_" + folder.toString().replace("-", "") + "T0000Z_" + name.substring(0, name.indexOf('.'))
                    + ".log.gz", name.endsWith(".gz") ? Files.readAllBytes(file)
                            : LogTree.gzip(Files.readString(file)));
            expected.folder(folder);
        }
    }

    private static String value(List<String> header, String[] fields, String name) {
        int at = header.indexOf(name);
        return at < 0 || fields[at].equals("-") ? "null" : fields[at];
    }

    private static long number(List<String> header, String[] fields, String name) {
        String text = value(header, fields, name);
        return text.equals("null") ? 0 : Long.parseLong(text);
    }
}
