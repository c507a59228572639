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
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.sample.SampleGenerator;
import jp.govcloudops.sample.SampleOptions;
import jp.govcloudops.source.LogType;
import jp.govcloudops.support.S3TestServer;
import jp.govcloudops.support.TestStore;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
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

/**
 * The generator's sample, uploaded to the S3 API server and ingested over HTTP: stored totals equal counts taken
 * here straight from the generated files, with other code (whole-tree JSON, plain line splitting, parquet-java's
 * example Group reader): records per account and event name, flow records and bytes per interface and action.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class GeneratedSampleOverS3Test {

    @Autowired
    IngestLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("govcloud-sample-s3-");
        registry.add("spring.datasource.url", () -> TestStore.h2(dir));
        registry.add("govcloud.s3.endpoint", () -> S3TestServer.get().endpoint());
    }

    @Test
    void storedTotalsEqualCountsTakenFromTheGeneratedFiles() throws Exception {
        LocalDate from = LocalDate.parse("2026-10-01");
        LocalDate to = LocalDate.parse("2026-10-02");
        new SampleGenerator().generate(new SampleOptions(from, to, tmp, 0.1, 42, null), false);
        Path logs = tmp.resolve("logs");
        S3TestServer.get().upload(logs, "sample-central", "trail/");

        Counts expected = count(logs);
        assertThat(expected.events).isNotEmpty();
        assertThat(expected.flows).isNotEmpty();

        // The last minutes of each day are delivered into the next day's folder: read that folder too.
        IngestLauncher.Outcome outcome = launcher.run(new IngestParameters(from, to.plusDays(1), EnumSet.allOf(LogType.class),
                Set.of(), false, List.of("s3://sample-central/trail"), 1), Duration.ZERO);
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // The one thing quarantined is the sample's Security Hub insight event, which holds no findings.
        assertThat(jdbc.queryForList("SELECT reason FROM quarantine", String.class))
                .hasSize((int) outcome.summary().quarantined())
                .allSatisfy(reason -> assertThat(reason).contains("Security Hub Insight Results"));
        assertThat(outcome.summary().failedObjects()).isZero();
        assertThat(outcome.summary().objects()).isEqualTo(expected.objects);

        Map<String, Long> events = new TreeMap<>();
        jdbc.query("SELECT account_id, event_name, SUM(events) FROM cloudtrail_daily GROUP BY account_id, event_name",
                rs -> {
                    events.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
                });
        Map<String, List<Long>> flows = new TreeMap<>();
        jdbc.query("SELECT interface_id, action, SUM(flows), SUM(bytes) FROM flow_daily GROUP BY interface_id, action",
                rs -> {
                    flows.put(rs.getString(1) + " " + rs.getString(2), List.of(rs.getLong(3), rs.getLong(4)));
                });
        assertThat(events).isEqualTo(expected.events);
        assertThat(flows).isEqualTo(expected.flows);

        // The same days again change nothing.
        IngestLauncher.Outcome again = launcher.run(new IngestParameters(from, to.plusDays(1), EnumSet.allOf(LogType.class),
                Set.of(), false, List.of("s3://sample-central/trail"), 1), Duration.ZERO);
        assertThat(again.summary().objects()).isZero();
        assertThat(jdbc.queryForObject("SELECT SUM(events) FROM cloudtrail_daily", Long.class))
                .isEqualTo(expected.events.values().stream().mapToLong(Long::longValue).sum());
    }

    static final class Counts {
        final Map<String, Long> events = new TreeMap<>();
        final Map<String, List<Long>> flows = new TreeMap<>();
        long objects;
    }

    /** Counts straight from the files, without the project's parsers. */
    static Counts count(Path logs) throws IOException {
        Counts counts = new Counts();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String path = logs.relativize(file).toString().replace('\\', '/');
                if (path.contains("/CloudTrail-Digest/")) {
                    continue;
                }
                counts.objects++;
                if (path.contains("/CloudTrail/")) {
                    String account = path.split("/")[1];
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                        for (JsonNode record : json.readTree(in).get("Records")) {
                            counts.events.merge(account + " " + record.get("eventName").asString(), 1L, Long::sum);
                        }
                    }
                } else if (path.contains("vpcflowlogs")) {
                    if (path.endsWith(".parquet")) {
                        countParquet(file, counts);
                    } else {
                        countText(file, counts);
                    }
                }
            }
        }
        return counts;
    }

    private static void countText(Path file, Counts counts) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            List<String> header = List.of(reader.readLine().split(" "));
            int eni = header.indexOf("interface-id");
            int action = header.indexOf("action");
            int bytes = header.indexOf("bytes");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(" ");
                String actionValue = f[action].equals("-") ? null : f[action];
                long byteValue = f[bytes].equals("-") ? 0 : Long.parseLong(f[bytes]);
                add(counts, f[eni], actionValue, byteValue);
            }
        }
    }

    private static void countParquet(Path file, Counts counts) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> rows = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group row = rows.read();
                    String action = row.getFieldRepetitionCount("action") == 0 ? null : row.getString("action", 0);
                    long bytes = row.getFieldRepetitionCount("bytes") == 0 ? 0 : row.getLong("bytes", 0);
                    add(counts, row.getString("interface_id", 0), "-".equals(action) ? null : action, bytes);
                }
            }
        }
    }

    private static void add(Counts counts, String eni, String action, long bytes) {
        counts.flows.merge(eni + " " + action, List.of(1L, bytes),
                (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
    }
}
