package jp.govcloudops.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;
import jp.govcloudops.store.DataGapStore;
import jp.govcloudops.store.IngestStore;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.S3TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Ingestion end to end against a real store: exact totals, idempotent re-runs, late and changed objects, --force
 * reprocessing, bad input and data gaps. Runs on H2 and on PostgreSQL (subclasses). Each test uses its own
 * accounts and source location, so tests share the store without seeing each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class AbstractIngestionTest {

    static final LocalDate D1 = LocalDate.parse("2026-10-01");
    static final LocalDate D2 = LocalDate.parse("2026-10-02");

    @Autowired
    IngestLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    jp.govcloudops.job.RunLock runLock;

    @Autowired
    DataGapStore gaps;

    @Autowired
    IngestStore store;

    @TempDir
    Path tmp;

    static void common(DynamicPropertyRegistry registry) {
        registry.add("govcloud.s3.endpoint", () -> S3TestServer.get().endpoint());
        registry.add("govcloud.ingest.objects-per-commit", () -> "3");
    }

    IngestLauncher.Outcome ingest(String source, LocalDate from, LocalDate to, boolean force) throws Exception {
        return launcher.run(new IngestParameters(from, to, EnumSet.allOf(LogType.class), Set.of(), force,
                List.of(source), 1), Duration.ZERO);
    }

    Map<String, Long> eventsByAccountAndName(String... accounts) {
        Map<String, Long> totals = new TreeMap<>();
        jdbc.query("SELECT account_id, event_name, SUM(events) FROM cloudtrail_daily WHERE account_id IN ("
                + String.join(",", java.util.Collections.nCopies(accounts.length, "?"))
                + ") GROUP BY account_id, event_name", rs -> {
                    totals.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                }, (Object[]) accounts);
        return totals;
    }

    Map<String, List<Long>> flowsByInterfaceAndAction(String... accounts) {
        Map<String, List<Long>> totals = new TreeMap<>();
        jdbc.query("SELECT interface_id, action, SUM(flows), SUM(bytes) FROM flow_daily WHERE account_id IN ("
                + String.join(",", java.util.Collections.nCopies(accounts.length, "?"))
                + ") GROUP BY interface_id, action", rs -> {
                    totals.put(rs.getString(1) + "/" + rs.getString(2), List.of(rs.getLong(3), rs.getLong(4)));
                }, (Object[]) accounts);
        return totals;
    }

    /** Builds two days for an account: CloudTrail (incl. an event delivered in the next day's folder) and flows. */
    Expected twoDays(LogTree tree, String account) {
        Expected expected = new Expected();
        String user = "arn:aws:iam::" + account + ":user/operator";
        List<String> day1 = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = i % 3 == 0 ? "DescribeInstances" : i % 3 == 1 ? "PutObject" : "ConsoleLogin";
            day1.add(LogTree.event("2026-10-01T0" + i + ":10:00Z", "ec2.amazonaws.com", name, user, null));
            expected.event(account, name);
        }
        tree.cloudTrail(account, "ap-northeast-1", D1, "20261001T0815Z", day1);
        // Delivered after midnight UTC: the folder is D2, the events are D1's last minutes.
        List<String> late = List.of(
                LogTree.event("2026-10-01T23:58:00Z", "iam.amazonaws.com", "CreateUser", user, null),
                LogTree.event("2026-10-01T23:59:30Z", "iam.amazonaws.com", "CreateUser", user, "AccessDenied"));
        tree.cloudTrail(account, "ap-northeast-1", D2, "20261002T0005Z", late);
        expected.event(account, "CreateUser");
        expected.event(account, "CreateUser");
        List<String> day2 = List.of(
                LogTree.event("2026-10-02T03:00:00Z", "s3.amazonaws.com", "GetObject", user, null),
                LogTree.event("2026-10-02T03:00:01.123Z", "s3.amazonaws.com", "GetObject", user, null));
        tree.cloudTrail(account, "ap-northeast-3", D2, "20261002T0305Z", day2);
        expected.event(account, "GetObject");
        expected.event(account, "GetObject");

        long start1 = LocalDate.parse("2026-10-01").atTime(5, 0).toEpochSecond(java.time.ZoneOffset.UTC);
        List<String> flows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String action = i % 4 == 0 ? "REJECT" : "ACCEPT";
            String eni = "eni-" + account.substring(0, 4) + (i % 2);
            flows.add(LogTree.v2(account, eni, "10.1.0." + i, "10.100.0.5", 40000 + i, 443, 10 + i, 1000L * i,
                    start1 + i * 60, action));
            expected.flow(eni, action, 1000L * i);
        }
        tree.flow(account, "ap-northeast-1", D1, "20261001T0510Z", LogTree.V2_HEADER, flows);
        return expected;
    }

    static final class Expected {
        final Map<String, Long> events = new TreeMap<>();
        final Map<String, List<Long>> flows = new TreeMap<>();

        void event(String account, String name) {
            events.merge(account + "/" + name, 1L, Long::sum);
        }

        void flow(String eni, String action, long bytes) {
            flows.merge(eni + "/" + action, List.of(1L, bytes), (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
        }
    }

    @Test
    void storedTotalsEqualTheFilesOverS3AndARerunChangesNothing() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        Expected expected = twoDays(tree, "100000000001");
        S3TestServer.get().upload(tree.root(), "central-logs", "org-trail/");
        String source = "s3://central-logs/org-trail";

        IngestLauncher.Outcome first = ingest(source, D1, D2, false);
        assertThat(first.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(first.summary().objects()).isEqualTo(4);
        assertThat(first.summary().records()).isEqualTo(31);
        assertThat(first.summary().quarantined()).isZero();
        assertThat(eventsByAccountAndName("100000000001")).isEqualTo(expected.events);
        assertThat(flowsByInterfaceAndAction("100000000001")).isEqualTo(expected.flows);

        // The late events count on their own (JST) day, not the folder's.
        assertThat(jdbc.queryForObject("SELECT SUM(events) FROM cloudtrail_daily WHERE account_id = '100000000001'"
                + " AND event_name = 'CreateUser' AND day = DATE '2026-10-02'", Long.class)).isEqualTo(2);

        IngestLauncher.Outcome second = ingest(source, D1, D2, false);
        assertThat(second.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.execution().getJobInstance().getId()).isNotEqualTo(first.execution().getJobInstance().getId());
        assertThat(second.summary().objects()).isZero();
        assertThat(eventsByAccountAndName("100000000001")).isEqualTo(expected.events);
        assertThat(flowsByInterfaceAndAction("100000000001")).isEqualTo(expected.flows);
    }

    @Test
    void aLateObjectRaisesTheTotalsByExactlyItsRecords() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        Expected expected = twoDays(tree, "100000000002");
        ingest(tree.root().toString(), D1, D2, false);
        assertThat(eventsByAccountAndName("100000000002")).isEqualTo(expected.events);

        String user = "arn:aws:iam::100000000002:user/late";
        // Sorts before the objects already read: a "last key" marker would miss it.
        tree.cloudTrail("100000000002", "ap-northeast-1", D1, "20261001T0000Z", List.of(
                LogTree.event("2026-10-01T00:00:10Z", "ec2.amazonaws.com", "RunInstances", user, null),
                LogTree.event("2026-10-01T00:00:20Z", "ec2.amazonaws.com", "RunInstances", user, null),
                LogTree.event("2026-10-01T00:00:30Z", "ec2.amazonaws.com", "DescribeInstances", user, null)));
        IngestLauncher.Outcome late = ingest(tree.root().toString(), D1, D2, false);
        assertThat(late.summary().objects()).isEqualTo(1);
        assertThat(late.summary().records()).isEqualTo(3);
        expected.event("100000000002", "RunInstances");
        expected.event("100000000002", "RunInstances");
        expected.event("100000000002", "DescribeInstances");
        assertThat(eventsByAccountAndName("100000000002")).isEqualTo(expected.events);
    }

    @Test
    void aRewrittenObjectReplacesItsOldContribution() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        String user = "arn:aws:iam::100000000003:user/u";
        String key = tree.cloudTrail("100000000003", "ap-northeast-1", D1, "20261001T0100Z", List.of(
                LogTree.event("2026-10-01T01:00:00Z", "ec2.amazonaws.com", "StopInstances", user, null)));
        ingest(tree.root().toString(), D1, D1, false);
        assertThat(eventsByAccountAndName("100000000003")).containsExactly(Map.entry("100000000003/StopInstances", 1L));

        tree.write(key, LogTree.gzip("{\"Records\":[" + LogTree.event("2026-10-01T01:00:00Z", "ec2.amazonaws.com",
                "StartInstances", user, null) + "," + LogTree.event("2026-10-01T01:00:01Z", "ec2.amazonaws.com",
                "StartInstances", user, null) + "]}"));
        Files.setLastModifiedTime(tree.root().resolve(key), java.nio.file.attribute.FileTime.fromMillis(1_800_000_000_000L));
        ingest(tree.root().toString(), D1, D1, false);
        assertThat(eventsByAccountAndName("100000000003")).containsExactly(Map.entry("100000000003/StartInstances", 2L));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM source_object o JOIN log_partition p ON p.id = o.partition_id"
                + " WHERE p.account_id = '100000000003'", Integer.class)).isEqualTo(1);
    }

    @Test
    void forceReprocessingGivesTheSameTotalsAndKeepsOneCopy() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        Expected expected = twoDays(tree, "100000000004");
        ingest(tree.root().toString(), D1, D2, false);
        Map<String, Long> before = eventsByAccountAndName("100000000004");

        IngestLauncher.Outcome forced = ingest(tree.root().toString(), D1, D2, true);
        assertThat(forced.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(forced.summary().objects()).isEqualTo(4);
        assertThat(eventsByAccountAndName("100000000004")).isEqualTo(before).isEqualTo(expected.events);
        assertThat(flowsByInterfaceAndAction("100000000004")).isEqualTo(expected.flows);
        assertThat(jdbc.queryForList("SELECT DISTINCT o.state FROM source_object o JOIN log_partition p"
                + " ON p.id = o.partition_id WHERE p.account_id = '100000000004'", String.class)).containsExactly("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM source_object o JOIN log_partition p ON p.id = o.partition_id"
                + " WHERE p.account_id = '100000000004'", Integer.class)).isEqualTo(4);
    }

    @Test
    void badInputIsQuarantinedWithWhereAndWhyAndGoodRecordsSurvive() throws Exception {
        String account = "100000000005";
        LogTree tree = new LogTree(tmp.resolve("logs"));
        String user = "arn:aws:iam::" + account + ":user/u";
        String folder = LogTree.cloudTrailFolder(account, "ap-northeast-1", D1);
        // 1. Truncated gzip: the first records decode, the rest is cut off.
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(LogTree.event("2026-10-01T02:%02d:%02dZ".formatted(i / 60 % 60, i % 60), "ec2.amazonaws.com",
                    "DescribeVolumes", user, null));
        }
        byte[] whole = LogTree.gzip("{\"Records\":[" + String.join(",", many) + "]}");
        tree.write(folder + "truncated.json.gz", Arrays.copyOf(whole, whole.length / 2));
        // 2. Broken JSON after two good records.
        tree.write(folder + "broken.json.gz", LogTree.gzip("{\"Records\":[" + LogTree.event("2026-10-01T03:00:00Z",
                "ec2.amazonaws.com", "RebootInstances", user, null) + "," + LogTree.event("2026-10-01T03:00:01Z",
                "ec2.amazonaws.com", "RebootInstances", user, null) + ",{\"eventTime\": \"2026-10-01T03:00:02Z\", oops"));
        // 3. A malformed timestamp between good records.
        tree.write(folder + "badtime.json.gz", LogTree.gzip("{\"Records\":[" + LogTree.event("2026-10-01T04:00:00Z",
                "kms.amazonaws.com", "Decrypt", user, null) + "," + LogTree.event("2026-10-01 04:00:01",
                "kms.amazonaws.com", "Decrypt", user, null) + "," + LogTree.event("2026-10-01T04:00:02Z",
                "kms.amazonaws.com", "Decrypt", user, null) + "]}"));
        // 4. Not what the key says: a digest file, an S3 event notification, an HTML error page.
        tree.write(folder + "digest.json.gz", LogTree.gzip("{\"awsAccountId\":\"" + account + "\",\"digestStartTime\":"
                + "\"2026-10-01T00:00:00Z\",\"digestEndTime\":\"2026-10-01T01:00:00Z\",\"logFiles\":[]}"));
        tree.write(folder + "notification.json", ("{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\","
                + "\"awsRegion\":\"ap-northeast-1\",\"eventTime\":\"2026-10-01T05:00:00.000Z\",\"eventName\":"
                + "\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}").getBytes(StandardCharsets.UTF_8));
        tree.write(folder + "error.html", "<html><body><h1>503 Service Unavailable</h1></body></html>\n"
                .getBytes(StandardCharsets.UTF_8));
        // 5. Flow lines with the wrong number of fields and a non-numeric byte count, between good lines.
        long start = D1.atTime(6, 0).toEpochSecond(java.time.ZoneOffset.UTC);
        tree.flow(account, "ap-northeast-1", D1, "20261001T0610Z", LogTree.V2_HEADER, List.of(
                LogTree.v2(account, "eni-good", "10.1.0.1", "10.100.0.1", 1234, 443, 5, 500, start, "ACCEPT"),
                "2 " + account + " eni-short 10.1.0.2 10.100.0.1 1234 443 6 5",
                LogTree.v2(account, "eni-good", "10.1.0.1", "10.100.0.1", 1234, 443, 5, 700, start, "ACCEPT")
                        .replace(" 700 ", " 7O0 "),
                LogTree.v2(account, "eni-good", "10.1.0.3", "10.100.0.1", 1234, 443, 5, 900, start, "ACCEPT")));
        // 6. A flow file with unknown (future) fields in its header.
        tree.flow(account, "ap-northeast-1", D1, "20261001T0620Z", LogTree.V2_HEADER + " future-field-x",
                List.of(LogTree.v2(account, "eni-new", "10.1.0.9", "10.100.0.1", 1, 443, 1, 100, start, "ACCEPT") + " zzz"));

        IngestLauncher.Outcome outcome = ingest(tree.root().toString(), D1, D1, false);
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcome.summary().hasGapsOrQuarantine()).isTrue();

        Map<String, Long> events = eventsByAccountAndName(account);
        assertThat(events.get(account + "/RebootInstances")).isEqualTo(2);
        assertThat(events.get(account + "/Decrypt")).isEqualTo(2);
        assertThat(events.get(account + "/DescribeVolumes")).isPositive().isLessThan(400);
        assertThat(flowsByInterfaceAndAction(account)).containsEntry("eni-good/ACCEPT", List.of(2L, 1400L))
                .containsEntry("eni-new/ACCEPT", List.of(1L, 100L));

        Map<String, String> reasons = new HashMap<>();
        jdbc.query("SELECT q.object_key, q.position, q.reason FROM quarantine q JOIN log_partition p"
                + " ON p.id = q.partition_id WHERE p.account_id = ?", rs -> {
                    String file = rs.getString(1).substring(rs.getString(1).lastIndexOf('/') + 1);
                    reasons.merge(file, rs.getString(2) + " " + rs.getString(3), (a, b) -> a + " | " + b);
                }, account);
        assertThat(reasons.get("truncated.json.gz")).contains("input ends or breaks off after");
        assertThat(reasons.get("broken.json.gz")).startsWith("record 3 (line 1, column ").contains("malformed JSON after 2 records");
        assertThat(reasons.get("badtime.json.gz")).isEqualTo("record 2 eventTime '2026-10-01 04:00:01' is not an"
                + " ISO-8601 date-time with zone");
        assertThat(reasons.get("digest.json.gz")).contains("not a CloudTrail log file (a CloudTrail digest file)");
        assertThat(reasons.get("notification.json")).contains("an S3 event notification");
        assertThat(reasons.get("error.html")).contains("malformed JSON");
        assertThat(reasons.entrySet().stream().filter(e -> e.getKey().contains("vpcflowlogs")).map(Map.Entry::getValue)
                .findFirst().orElseThrow()).contains("line 3 9 fields where the header names 14")
                .contains("line 4 field bytes is not a number: '7O0'");

        // For every object: its quarantine rows and its own aggregate rows (the chunk's objects are stored in one
        // batch per table, so each row must carry its own object's id) add up to the records of the file.
        jdbc.query("SELECT o.object_key, o.records, o.quarantined, (SELECT COALESCE(SUM(q.records), 0) FROM quarantine q"
                + " WHERE q.object_id = o.id), (SELECT COALESCE(SUM(c.events), 0) FROM ct_hourly c WHERE c.object_id = o.id)"
                + " + (SELECT COALESCE(SUM(f.flows), 0) FROM flow_hourly f WHERE f.object_id = o.id)"
                + " FROM source_object o JOIN log_partition p ON p.id = o.partition_id WHERE p.account_id = ?", rs -> {
                    assertThat(rs.getLong(3)).as(rs.getString(1)).isEqualTo(rs.getLong(4));
                    assertThat(rs.getLong(5)).as(rs.getString(1)).isEqualTo(rs.getLong(2) - rs.getLong(3));
                }, account);
        long stored = jdbc.queryForObject("SELECT SUM(o.records - o.quarantined) FROM source_object o JOIN log_partition p"
                + " ON p.id = o.partition_id WHERE p.account_id = ?", Long.class, account);
        long inViews = jdbc.queryForObject("SELECT SUM(events) FROM cloudtrail_daily WHERE account_id = ?", Long.class,
                account) + jdbc.queryForObject("SELECT SUM(flows) FROM flow_daily WHERE account_id = ?", Long.class, account);
        assertThat(inViews).isEqualTo(stored);
    }

    @Test
    void anEmptyDayWhereTheStreamNormallyHasObjectsIsADataGap() throws Exception {
        String account = "100000000006";
        LogTree tree = new LogTree(tmp.resolve("logs"));
        String user = "arn:aws:iam::" + account + ":user/u";
        LocalDate first = LocalDate.parse("2026-09-20");
        for (int d = 0; d < 7; d++) {
            LocalDate day = first.plusDays(d);
            tree.cloudTrail(account, "ap-northeast-1", day, day.toString().replace("-", "") + "T0100Z",
                    List.of(LogTree.event(day + "T01:00:00Z", "ec2.amazonaws.com", "DescribeInstances", user, null)));
        }
        IngestLauncher.Outcome history = ingest(tree.root().toString(), first, first.plusDays(6), false);
        assertThat(history.summary().openGaps()).isZero();

        IngestLauncher.Outcome empty = ingest(tree.root().toString(), first.plusDays(7), first.plusDays(7), false);
        assertThat(empty.summary().openGaps()).isEqualTo(1);
        // The day has no folder: its partition is recorded and judged, but gets no step to list nothing.
        assertThat(empty.summary().partitions()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_step_execution WHERE job_execution_id = ?"
                + " AND step_name LIKE 'ingestObjects%'", Integer.class, empty.execution().getId())).isZero();
        assertThat(empty.summary().hasGapsOrQuarantine()).isTrue();
        assertThat(jdbc.queryForObject("SELECT g.detail FROM data_gap g JOIN log_partition p ON p.id = g.partition_id"
                + " WHERE p.account_id = ? AND g.resolved_at IS NULL", String.class, account))
                .contains("no objects in cloudtrail for account " + account).contains("7 of the previous 7 days");

        // The data arrives late: the next run closes the gap.
        LocalDate day = first.plusDays(7);
        tree.cloudTrail(account, "ap-northeast-1", day, "20260927T2300Z",
                List.of(LogTree.event(day + "T23:00:00Z", "ec2.amazonaws.com", "DescribeInstances", user, null)));
        IngestLauncher.Outcome filled = ingest(tree.root().toString(), day, day, false);
        assertThat(filled.summary().openGaps()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM data_gap g JOIN log_partition p ON p.id = g.partition_id"
                + " WHERE p.account_id = ? AND g.resolved_at IS NOT NULL", Integer.class, account)).isEqualTo(1);
    }


    @Test
    void partitionsAreRecordedOnceAndKeepTheirIds() {
        LogPartition a = new LogPartition(LogType.VPCFLOW, "100000000010", "ap-northeast-1", LocalDate.parse("2026-10-01"),
                "file:///ensure", "a/");
        LogPartition b = new LogPartition(LogType.CLOUDTRAIL, "100000000010", "ap-northeast-1",
                LocalDate.parse("2026-10-02"), "file:///ensure", "b/");
        LogPartition c = new LogPartition(LogType.VPCFLOW, "100000000010", "ap-northeast-3", LocalDate.parse("2026-10-01"),
                "file:///ensure", "c/");
        List<Long> first = store.ensurePartitions(List.of(a, b));
        assertThat(first).doesNotHaveDuplicates().doesNotContainNull();

        List<Long> second = store.ensurePartitions(List.of(c, b, a));
        assertThat(second.subList(1, 3)).containsExactly(first.get(1), first.get(0));
        assertThat(second.get(0)).isNotIn(first).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM log_partition WHERE source = 'file:///ensure'",
                Integer.class)).isEqualTo(3);
        assertThat(store.partition(second.get(0))).isEqualTo(c);
    }

    @Test
    void finalisationJudgesOnlyPartitionsWithSomethingToJudge() {
        // Summaries as a refresh leaves them: healthy, empty, with an unreadable object, healthy with a gap still
        // open (an object that became readable), healthy with a gap resolved long ago.
        long[] ids = new long[5];
        int[][] summaries = {{24, 0}, {0, 0}, {23, 1}, {24, 0}, {24, 0}};
        for (int i = 0; i < ids.length; i++) {
            jdbc.update("INSERT INTO log_partition (log_type, account_id, region, folder_date, source, folder_prefix,"
                    + " objects, failed_objects) VALUES ('vpcflow', '100000000009', 'ap-northeast-1', ?, 'file:///judge',"
                    + " 'p/', ?, ?)", LocalDate.parse("2026-10-01").plusDays(i), summaries[i][0], summaries[i][1]);
            ids[i] = jdbc.queryForObject("SELECT id FROM log_partition WHERE source = 'file:///judge' AND folder_date = ?",
                    Long.class, LocalDate.parse("2026-10-01").plusDays(i));
        }
        jdbc.update("INSERT INTO data_gap (partition_id, kind, object_key, detail, first_detected_at, last_detected_at)"
                + " VALUES (?, 'UNREADABLE_OBJECT', 'p/x.log.gz', 'could not read', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                ids[3]);
        jdbc.update("INSERT INTO data_gap (partition_id, kind, object_key, detail, first_detected_at, last_detected_at,"
                + " resolved_at) VALUES (?, 'EMPTY_PARTITION', '', 'no objects', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)", ids[4]);

        assertThat(gaps.withGapsToJudge(Arrays.stream(ids).boxed().toList())).containsExactly(ids[1], ids[2], ids[3]);
    }

    @Test
    void overlappingRunsAreSerialisedOrRefusedWithAClearMessage() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        Expected expected = twoDays(tree, "100000000007");
        String source = tree.root().toString();
        IngestParameters parameters = new IngestParameters(D1, D2, EnumSet.allOf(LogType.class), Set.of(), false,
                List.of(source), 1);
        // Another run holds the store (a second thread stands for another process).
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> {
            try (jp.govcloudops.job.RunLock.Held lock = runLock.acquire("ingest", Duration.ZERO)) {
                held.countDown();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        held.await();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> launcher.run(parameters, Duration.ZERO))
                .isInstanceOf(jp.govcloudops.job.RunLock.ConcurrentRunException.class)
                .hasMessageContaining("another ingest run is using this store")
                .hasMessageContaining("last heartbeat");
        done.countDown();
        other.join();
        assertThat(eventsByAccountAndName("100000000007")).isEmpty();

        // Waiting instead: the second run starts as soon as the first lets go.
        java.util.concurrent.CountDownLatch firstHeld = new java.util.concurrent.CountDownLatch(1);
        Thread release = new Thread(() -> {
            try (jp.govcloudops.job.RunLock.Held first = runLock.acquire("ingest", Duration.ZERO)) {
                firstHeld.countDown();
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        release.start();
        firstHeld.await();
        IngestLauncher.Outcome waited = launcher.run(parameters, Duration.ofSeconds(60));
        release.join();
        assertThat(waited.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(eventsByAccountAndName("100000000007")).isEqualTo(expected.events);
    }
}
