package jp.govcloudops.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogType;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.S3TestServer;
import jp.govcloudops.support.TestStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bad input of issue 18 (section 4), in every key layout the estate uses (plain, organisation trail, Hive,
 * per-hour), uploaded to the S3 API server and ingested over HTTP: each record is stored on its own day or
 * quarantined with a reason that names the object, the position (from 1), the field and the value; clean files
 * with repeated header lines are clean; empty objects are counted and noted, not quarantined.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BadInputOverS3Test {

    static final LocalDate DAY = LocalDate.parse("2026-11-02");
    static final String V2 = LogTree.V2_HEADER;

    static Path store;

    @Autowired
    IngestLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        store = Files.createTempDirectory("govcloud-bad-input-s3-");
        registry.add("spring.datasource.url", () -> TestStore.h2(store));
        registry.add("govcloud.s3.endpoint", () -> S3TestServer.get().endpoint());
    }

    IngestLauncher.Outcome ingest(String source, LocalDate from, LocalDate to) throws Exception {
        IngestLauncher.Outcome outcome = launcher.run(new IngestParameters(from, to, EnumSet.allOf(LogType.class),
                Set.of(), false, List.of(source), 1), Duration.ZERO);
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return outcome;
    }

    /** "file position: reason" of every quarantine row of the accounts, the file being the key's last segment. */
    List<String> quarantine(String... accounts) {
        List<String> rows = new ArrayList<>();
        jdbc.query("SELECT q.object_key, q.position, q.reason, q.records FROM quarantine q JOIN log_partition p"
                + " ON p.id = q.partition_id WHERE p.account_id IN (" + String.join(",", java.util.Collections.nCopies(
                        accounts.length, "?")) + ") ORDER BY q.object_key, q.id", rs -> {
                            String key = rs.getString(1);
                            assertThat(rs.getLong(4)).as(key).isEqualTo(1);
                            rows.add(key.substring(key.lastIndexOf('/') + 1) + " " + rs.getString(2) + ": "
                                    + rs.getString(3));
                        }, (Object[]) accounts);
        return rows;
    }

    @Test
    void eachBadRecordIsQuarantinedWithItsObjectPositionFieldAndValueInEveryLayout() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        String beyond = " is more than 7 days away from the folder date 2026-11-02 (govcloud.ingest.record-time-window)";

        // Plain layout, CloudTrail: placeholder times among good records, one delivered just after midnight.
        String user = "arn:aws:iam::300000000001:user/u";
        tree.cloudTrail("300000000001", "ap-northeast-1", DAY, "20261102T0010Z", List.of(
                LogTree.event("2026-11-01T23:55:00Z", "ec2.amazonaws.com", "RunInstances", user, null),
                LogTree.event("9999-12-31T23:59:59Z", "ec2.amazonaws.com", "RunInstances", user, null),
                LogTree.event("1970-01-01T00:00:00Z", "ec2.amazonaws.com", "RunInstances", user, null),
                LogTree.event("2026-11-02T00:05:00Z", "ec2.amazonaws.com", "StopInstances", user, null)));

        // Organisation trail layout: an empty object, an empty gzip, and a record with no eventTime.
        String org = "AWSLogs/o-exampleorg1/300000000002/CloudTrail/ap-northeast-1/2026/11/02/";
        tree.write(org + "300000000002_CloudTrail_ap-northeast-1_20261102T0100Z_empty.json.gz", new byte[0]);
        tree.write(org + "300000000002_CloudTrail_ap-northeast-1_20261102T0105Z_emptygzip.json.gz", gzip(""));
        tree.write(org + "300000000002_CloudTrail_ap-northeast-1_20261102T0110Z_records.json.gz", gzip("{\"Records\":["
                + LogTree.event("2026-11-02T01:00:00Z", "s3.amazonaws.com", "GetObject", user, null) + ","
                + LogTree.event("2026-11-02T01:00:01Z", "s3.amazonaws.com", "GetObject", user, null)
                        .replace("\"eventTime\":\"2026-11-02T01:00:01Z\",", "") + "]}"));

        // Hive layout, flow-log text: a good line (the record's own account differs from the key's: allowed),
        // lines the issue met, and a binary line.
        String hive = "AWSLogs/aws-account-id=300000000003/aws-service=vpcflowlogs/aws-region=ap-northeast-1/"
                + "year=2026/month=11/day=02/";
        long start = DAY.atTime(3, 0).toEpochSecond(java.time.ZoneOffset.UTC);
        String good = LogTree.v2("999999999999", "eni-0a1", "10.1.0.1", "10.100.0.1", 40000, 443, 5, 500, start,
                "ACCEPT");
        tree.write(hive + "300000000003_vpcflowlogs_ap-northeast-1_fl-1_20261102T0310Z_a.log.gz", gzip(V2 + "\n"
                + good + "\n"
                + "{\"message\":\"2 300000000003 eni-0a1 - - - - - - - " + start + " " + (start + 60) + " - NODATA\"}\n"
                + good.replace(" 443 ", " 70000 ") + "\n"
                + good.replace("10.1.0.1", "999.1.1.1") + "\n"
                + good.replace(" " + start + " ", " 1512564058000 ") + "\n"
                + good.replace(" " + start + " ", " 151256405 ") + "\n"
                + good.replace("eni-0a1", "eni-\u0001\u001b[2J") + "\n"
                // Just before midnight of the previous day: a flow that started then is in this folder.
                + good.replace(" " + start + " " + (start + 60) + " ", " " + (start - 3 * 3600 - 60) + " "
                        + (start - 3 * 3600 + 30) + " ") + "\n"
                + good.replace(" ACCEPT OK", " - -").replace(" 6 5 500 ", " 6 6 600 ") + "\n"));

        // Per-hour layout, Parquet: NODATA and SKIPDATA rows without numbers (null or "None") are records; "None"
        // in an OK row is not a number.
        Path parquet = tmp.resolve("flow.parquet");
        writeParquet(parquet, new String[][] {
            {"300000000004", "eni-0b2", "10.1.0.2", "10.100.0.1", "6", "700", String.valueOf(start), "ACCEPT", "OK"},
            {"300000000004", "eni-0b2", "-", "-", "None", "None", String.valueOf(start), "-", "NODATA"},
            {"300000000004", "eni-0b2", "-", "-", null, null, String.valueOf(start), "-", "SKIPDATA"},
            {"300000000004", "eni-0b2", "10.1.0.2", "10.100.0.1", "None", "800", String.valueOf(start), "ACCEPT",
                "OK"}});
        tree.write("AWSLogs/300000000004/vpcflowlogs/ap-northeast-1/2026/11/02/03/"
                + "300000000004_vpcflowlogs_ap-northeast-1_fl-2_20261102T0300Z_b.log.parquet", Files.readAllBytes(parquet));

        // Plain layout, an empty flow-log object.
        tree.write(LogTree.flowFolder("300000000005", "ap-northeast-1", DAY)
                + "300000000005_vpcflowlogs_ap-northeast-1_fl-3_20261102T0400Z_c.log.gz", new byte[0]);

        S3TestServer.get().upload(tree.root(), "bad-input", "estate/");
        IngestLauncher.Outcome outcome = ingest("s3://bad-input/estate", DAY, DAY);

        assertThat(quarantine("300000000001")).containsExactly(
                "300000000001_CloudTrail_ap-northeast-1_20261102T0010Z_" + hash("300000000001", "20261102T0010Z", 4)
                        + ".json.gz record 2: eventTime '9999-12-31T23:59:59Z'" + beyond,
                "300000000001_CloudTrail_ap-northeast-1_20261102T0010Z_" + hash("300000000001", "20261102T0010Z", 4)
                        + ".json.gz record 3: eventTime '1970-01-01T00:00:00Z'" + beyond);
        assertThat(quarantine("300000000002")).containsExactly(
                "300000000002_CloudTrail_ap-northeast-1_20261102T0110Z_records.json.gz record 2: no eventTime");
        assertThat(quarantine("300000000003")).containsExactly(
                "300000000003_vpcflowlogs_ap-northeast-1_fl-1_20261102T0310Z_a.log.gz line 3: field log-status is"
                        + " 'NODATA\"}', not OK, NODATA, SKIPDATA or -",
                "300000000003_vpcflowlogs_ap-northeast-1_fl-1_20261102T0310Z_a.log.gz line 4: field dstport is 70000,"
                        + " outside 0 to 65535",
                "300000000003_vpcflowlogs_ap-northeast-1_fl-1_20261102T0310Z_a.log.gz line 5: field srcaddr is"
                        + " '999.1.1.1', not an IPv4 or IPv6 address",
                "300000000003_vpcflowlogs_ap-northeast-1_fl-1_20261102T0310Z_a.log.gz line 6: field start 1512564058000"
                        + " (+49901-04-01T10:46:40Z)" + beyond + "; it has 13 digits and looks like milliseconds"
                        + " (2017-12-06T12:40:58Z)",
                "300000000003_vpcflowlogs_ap-northeast-1_fl-1_20261102T0310Z_a.log.gz line 7: field start 151256405"
                        + " (1974-10-17T15:40:05Z)" + beyond + "; it has 9 digits, where epoch seconds since 2001 have 10",
                // The control bytes of the binary line, escaped.
                "300000000003_vpcflowlogs_ap-northeast-1_fl-1_20261102T0310Z_a.log.gz line 8: field interface-id is"
                        + " 'eni-\\x01\\x1b[2J', not a network interface id (eni-...) or -");
        assertThat(quarantine("300000000004")).containsExactly(
                "300000000004_vpcflowlogs_ap-northeast-1_fl-2_20261102T0300Z_b.log.parquet row 4: column packets holds"
                        + " 'None', not a number");
        assertThat(quarantine("300000000005")).isEmpty();
        assertThat(jdbc.queryForList("SELECT excerpt FROM quarantine WHERE position = 'line 8'", String.class))
                .singleElement().asString().doesNotContain("\u0001", "\u001b").contains("eni-\\x01\\x1b[2J");

        // Every object counted, the empty ones too; records in views plus quarantined records equal the files'.
        assertThat(outcome.summary().objects()).isEqualTo(7);
        assertThat(outcome.summary().failedObjects()).isZero();
        assertThat(outcome.summary().quarantined()).isEqualTo(10);
        assertThat(outcome.summary().records()).isEqualTo(4 + 2 + 9 + 4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM source_object o JOIN log_partition p ON p.id"
                + " = o.partition_id WHERE p.account_id IN ('300000000002', '300000000005') AND o.records = 0"
                + " AND o.state = 'ACTIVE'", Integer.class)).isEqualTo(3);
        assertThat(outcome.summary().openGaps()).isZero();

        // Stored on their own (Japan) days: the late CloudTrail record and the flow of the previous UTC evening.
        assertThat(rows("SELECT day, event_name, SUM(events) FROM cloudtrail_daily WHERE account_id = '300000000001'"
                + " GROUP BY day, event_name ORDER BY 1, 2")).containsExactly("2026-11-02|RunInstances|1",
                        "2026-11-02|StopInstances|1");
        assertThat(rows("SELECT day, account_id, interface_id, action, log_status, SUM(flows), SUM(packets),"
                + " SUM(bytes) FROM flow_daily WHERE account_id IN ('300000000003', '300000000004') GROUP BY day,"
                + " account_id, interface_id, action, log_status")).containsExactlyInAnyOrder(
                        "2026-11-02|300000000003|eni-0a1|ACCEPT|OK|2|10|1000",
                        "2026-11-02|300000000003|eni-0a1|null|null|1|6|600",
                        "2026-11-02|300000000004|eni-0b2|ACCEPT|OK|1|6|700",
                        "2026-11-02|300000000004|eni-0b2|null|NODATA|1|0|0",
                        "2026-11-02|300000000004|eni-0b2|null|SKIPDATA|1|0|0");
        // The key's account places the records; their own account is kept beside it.
        assertThat(jdbc.queryForList("SELECT DISTINCT f.record_account_id FROM flow_hourly f JOIN log_partition p"
                + " ON p.id = f.partition_id WHERE p.account_id = '300000000003'", String.class))
                .containsExactly("999999999999");

        // status: the quarantined records per partition, and a note of the empty objects.
        CliRun status = CliRun.of("--db=" + TestStore.h2(store), "status", "--from=2026-11-02", "--to=2026-11-02");
        assertThat(status.out()).containsPattern("2026-11-02\\s+300000000003\\s+ap-northeast-1\\s+vpcflow\\s+1\\s+9\\s+6")
                .contains("Empty objects (空のオブジェクト: read whole, no records; not an error):")
                .contains("2026-11-02 300000000002 ap-northeast-1 cloudtrail: 2 (first estate/AWSLogs/o-exampleorg1/300000000002/"
                        + "CloudTrail/ap-northeast-1/2026/11/02/300000000002_CloudTrail_ap-northeast-1_20261102T0100Z_empty"
                        + ".json.gz)")
                .contains("2026-11-02 300000000005 ap-northeast-1 vpcflow: 1 (");
    }

    @Test
    void aCleanFileWithAHeaderBeforeEveryRecordIsClean() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        long start = DAY.atTime(6, 0).toEpochSecond(java.time.ZoneOffset.UTC);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (i > 0) {
                lines.add(V2);
            }
            lines.add(LogTree.v2("300000000006", "eni-0c" + i, "10.1.0." + i, "10.100.0.1", 40000 + i, 443, 1, 100,
                    start, "ACCEPT"));
        }
        tree.flow("300000000006", "ap-northeast-1", DAY, "20261102T0610Z", V2, lines);
        S3TestServer.get().upload(tree.root(), "bad-input", "headers/");
        IngestLauncher.Outcome outcome = ingest("s3://bad-input/headers", DAY, DAY);
        assertThat(outcome.summary().records()).isEqualTo(5);
        assertThat(outcome.summary().quarantined()).isZero();
        assertThat(outcome.summary().hasGapsOrQuarantine()).as("exit 0").isFalse();
        assertThat(jdbc.queryForObject("SELECT SUM(flows) FROM flow_daily WHERE account_id = '300000000006'",
                Long.class)).isEqualTo(5);
    }

    List<String> rows(String sql) {
        return jdbc.query(sql, (rs, i) -> {
            List<String> values = new ArrayList<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                values.add(String.valueOf(rs.getObject(c)));
            }
            return String.join("|", values);
        });
    }

    /** The name LogTree gives a CloudTrail object's last part. */
    static String hash(String account, String stamp, int records) {
        return Integer.toHexString((account + stamp + records).hashCode());
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Text columns as some exporters write them (numbers as text too); null leaves a column without a value. */
    static void writeParquet(Path file, String[][] rows) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message schema { optional binary account_id (STRING);"
                + " optional binary interface_id (STRING); optional binary srcaddr (STRING);"
                + " optional binary dstaddr (STRING); optional binary packets (STRING); optional binary bytes (STRING);"
                + " optional binary start (STRING); optional binary action (STRING); optional binary log_status (STRING);"
                + " optional int32 version; }");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
            for (String[] row : rows) {
                Group g = groups.newGroup();
                for (int c = 0; c < row.length; c++) {
                    if (row[c] != null) {
                        g.add(c, row[c]);
                    }
                }
                g.add("version", 5);
                writer.write(g);
            }
        }
    }

}
