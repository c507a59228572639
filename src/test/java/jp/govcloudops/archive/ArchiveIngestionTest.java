package jp.govcloudops.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogType;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The archive written by real ingestion runs over a local log tree, read back with DuckDB: the same totals as the
 * store's views, one file per partition, every record exactly once after re-runs, a changed object and --force.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ArchiveIngestionTest {

    static final LocalDate D1 = LocalDate.parse("2026-10-01");
    static final LocalDate D2 = LocalDate.parse("2026-10-02");
    static Path store;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        store = Files.createTempDirectory("govcloud-archive-");
        registry.add("spring.datasource.url", () -> TestStore.h2(store));
        registry.add("govcloud.ingest.objects-per-commit", () -> "2");
    }

    @Autowired
    IngestLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    Path archive() {
        return store.resolve("archive");
    }

    IngestLauncher.Outcome ingest(Path source, LocalDate from, LocalDate to, boolean force) throws Exception {
        IngestLauncher.Outcome outcome = launcher.run(new IngestParameters(from, to, EnumSet.allOf(LogType.class),
                Set.of(), force, List.of(source.toString()), 1), Duration.ZERO);
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return outcome;
    }

    /** Two days of one account: CloudTrail in two regions, one late object, and flows. */
    static void twoDays(LogTree tree, String account) {
        String user = "arn:aws:iam::" + account + ":user/operator";
        List<String> day1 = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            day1.add(LogTree.event("2026-10-01T0" + i + ":10:00Z", "ec2.amazonaws.com",
                    i % 2 == 0 ? "DescribeInstances" : "RunInstances", user, null));
        }
        tree.cloudTrail(account, "ap-northeast-1", D1, "20261001T0815Z", day1);
        tree.cloudTrail(account, "ap-northeast-1", D2, "20261002T0005Z", List.of(
                LogTree.event("2026-10-01T23:58:00Z", "iam.amazonaws.com", "CreateUser", user, null),
                LogTree.event("2026-10-01T23:59:30Z", "iam.amazonaws.com", "CreateUser", user, "AccessDenied")));
        tree.cloudTrail(account, "ap-northeast-3", D2, "20261002T0305Z", List.of(
                LogTree.event("2026-10-02T03:00:00Z", "s3.amazonaws.com", "GetObject", user, null)));
        long start = D1.atTime(5, 0).toEpochSecond(java.time.ZoneOffset.UTC);
        List<String> flows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            flows.add(LogTree.v2(account, "eni-" + account.substring(8) + (i % 2), "10.1.0." + i, "10.100.0.5",
                    40000 + i, 443, 10 + i, 1000L * i, start + i * 60, i % 4 == 0 ? "REJECT" : "ACCEPT"));
        }
        tree.flow(account, "ap-northeast-1", D1, "20261001T0510Z", LogTree.V2_HEADER, flows);
    }

    List<String> viewTotals(String account) {
        List<String> rows = new ArrayList<>(jdbc.query("SELECT event_name, SUM(events) FROM cloudtrail_daily"
                + " WHERE account_id = ? GROUP BY event_name ORDER BY event_name",
                (rs, i) -> rs.getString(1) + "|" + rs.getLong(2), account));
        rows.add("--");
        rows.addAll(jdbc.query("SELECT interface_id, action, SUM(flows), SUM(bytes) FROM flow_daily"
                + " WHERE account_id = ? GROUP BY interface_id, action ORDER BY interface_id, action",
                (rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getLong(4),
                account));
        return rows;
    }

    List<String> archiveTotals(String account) throws Exception {
        List<String> rows = new ArrayList<>(ArchiveTables.query(archive(), "cloudtrail", "SELECT event_name, COUNT(*)"
                + " FROM {table} WHERE account = '" + account + "' GROUP BY event_name ORDER BY event_name"));
        rows.add("--");
        rows.addAll(ArchiveTables.query(archive(), "vpcflow", "SELECT interface_id, action, COUNT(*), SUM(bytes)"
                + " FROM {table} WHERE account = '" + account + "' GROUP BY ALL ORDER BY ALL"));
        return rows;
    }

    List<Path> files(String under) throws Exception {
        Path dir = archive().resolve(under);
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void theArchiveReadByDuckDbHasTheViewsTotalsInOneFilePerPartitionAndReRunsAddNothing() throws Exception {
        String account = "210000000001";
        LogTree tree = new LogTree(tmp.resolve("logs"));
        twoDays(tree, account);
        ingest(tree.root(), D1, D2, false);

        List<String> expected = viewTotals(account);
        assertThat(expected).contains("CreateUser|2", "DescribeInstances|4", "RunInstances|3", "GetObject|1");
        assertThat(archiveTotals(account)).isEqualTo(expected);
        // One compacted file per partition, in its Hive folder; nothing left staged.
        assertThat(files("cloudtrail/account=" + account).stream().map(p -> archive().relativize(p).toString()))
                .containsExactlyInAnyOrder(
                "cloudtrail/account=" + account + "/region=ap-northeast-1/day=2026-10-01/" + name(account, "cloudtrail", D1, "ap-northeast-1"),
                "cloudtrail/account=" + account + "/region=ap-northeast-1/day=2026-10-02/" + name(account, "cloudtrail", D2, "ap-northeast-1"),
                "cloudtrail/account=" + account + "/region=ap-northeast-3/day=2026-10-02/" + name(account, "cloudtrail", D2, "ap-northeast-3"));
        assertThat(files("_staging")).isEmpty();
        // The record's values as written, JSON values as text.
        assertThat(ArchiveTables.query(archive(), "cloudtrail", "SELECT request_parameters, identity_principal_id,"
                + " error_code, CAST(event_time AS VARCHAR) FROM {table} WHERE account = '" + account
                + "' AND error_code IS NOT NULL")).containsExactly(
                        "{\"a\":[1,2,{\"b\":\"c\"}]}|AIDAEXAMPLE|AccessDenied|2026-10-01 23:59:30+00");

        ingest(tree.root(), D1, D2, false);
        assertThat(archiveTotals(account)).isEqualTo(expected);

        // A late object and a rewritten one: the archive follows the store, each record once.
        tree.cloudTrail(account, "ap-northeast-1", D1, "20261001T0000Z", List.of(LogTree.event("2026-10-01T00:00:10Z",
                "ec2.amazonaws.com", "StopInstances", "arn:aws:iam::" + account + ":user/late", null)));
        // Same key (same stamp and record count), new content.
        tree.cloudTrail(account, "ap-northeast-3", D2, "20261002T0305Z", List.of(
                LogTree.event("2026-10-02T03:00:05Z", "s3.amazonaws.com", "PutObject", "arn:aws:iam::x:user/a", null)));
        ingest(tree.root(), D1, D2, false);
        List<String> changed = viewTotals(account);
        assertThat(changed).contains("StopInstances|1", "PutObject|1").noneMatch(r -> r.startsWith("GetObject"));
        assertThat(archiveTotals(account)).isEqualTo(changed);

        // --force: every partition rewritten, the same records once.
        ingest(tree.root(), D1, D2, true);
        assertThat(archiveTotals(account)).isEqualTo(changed);
        assertThat(files("_staging")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM archive_file f JOIN log_partition p ON p.id ="
                + " f.partition_id WHERE p.account_id = ?", Long.class, account)).isEqualTo(4);
    }

    @Test
    void aStagedFileThatNoCommittedObjectOwnsIsRemovedAndNeverRead() throws Exception {
        String account = "210000000002";
        LogTree tree = new LogTree(tmp.resolve("logs"));
        twoDays(tree, account);
        ingest(tree.root(), D1, D1, false);
        List<String> expected = archiveTotals(account);
        // What a run killed before its chunk committed leaves behind: a staged file with records no segment owns.
        Path orphan = archive().resolve("_staging/cloudtrail/" + account + "/ap-northeast-1/2026-10-01/abc.parquet");
        Files.createDirectories(orphan.getParent());
        Path compacted = files("cloudtrail/account=" + account).get(0);
        Files.copy(compacted, orphan);
        tree.cloudTrail(account, "ap-northeast-1", D1, "20261001T2355Z", List.of(LogTree.event(
                "2026-10-01T23:50:00Z", "ec2.amazonaws.com", "RebootInstances", "arn:aws:iam::x:user/b", null)));
        ingest(tree.root(), D1, D1, false);
        assertThat(Files.exists(orphan)).isFalse();
        List<String> after = archiveTotals(account);
        assertThat(after).contains("RebootInstances|1").containsAll(expected.stream()
                .filter(r -> !r.equals("--")).toList());
        assertThat(after).isEqualTo(viewTotals(account));
    }

    @Test
    void everyFieldOfACustomFlowLogFormatIsArchivedAsWritten() throws Exception {
        String account = "210000000003";
        LogTree tree = new LogTree(tmp.resolve("logs"));
        long start = D1.atTime(9, 0).toEpochSecond(java.time.ZoneOffset.UTC);
        String header = "region vpc-id interface-id account-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr srcport dstport"
                + " protocol packets bytes start end action log-status tcp-flags flow-direction traffic-path version"
                + " reject-reason";
        tree.flow(account, "ap-northeast-1", D1, "20261001T0910Z", header, List.of(
                "ap-northeast-1 vpc-0abc eni-0001 " + account + " 10.0.0.5 10.0.1.9 192.0.2.7 10.0.1.9 40000 443 6"
                        + " 3 180 " + start + " " + (start + 60) + " ACCEPT OK 2 ingress 1 8 -",
                "ap-northeast-1 vpc-0abc eni-0001 " + account + " 10.0.0.5 10.0.1.9 - - 40001 22 6 1 40 " + start
                        + " " + (start + 60) + " REJECT OK 2 ingress - 8 BLOCKED"));
        ingest(tree.root(), D1, D1, false);
        assertThat(ArchiveTables.query(archive(), "vpcflow", "SELECT region, record_region, vpc_id, srcaddr,"
                + " pkt_srcaddr, dstport, flow_direction, traffic_path, version, reject_reason, start"
                + " FROM {table} WHERE account = '" + account + "' ORDER BY dstport")).containsExactly(
                        "ap-northeast-1|ap-northeast-1|vpc-0abc|10.0.0.5|null|22|ingress|null|8|BLOCKED|" + start,
                        "ap-northeast-1|ap-northeast-1|vpc-0abc|10.0.0.5|192.0.2.7|443|ingress|1|8|null|" + start);
    }

    @Test
    void pruneListsTheDaysPastRetentionAndDeletesThemOnlyWithYes() throws Exception {
        String account = "210000000004";
        LogTree tree = new LogTree(tmp.resolve("logs"));
        twoDays(tree, account);
        ingest(tree.root(), D1, D2, false);
        CliRun status = CliRun.of("status", "--db=" + TestStore.h2(store), "--from=2026-10-01", "--to=2026-10-02");
        assertThat(status.out()).contains("Archive (アーカイブ) " + archive(), "cloudtrail  " + account)
                .containsPattern("vpcflow +" + account + " +2026-10-01\\.\\.2026-10-01 +1 files +20 records");

        // 13 months before 2027-11-02 is 2026-10-02: the first day's files are past retention, the second's not.
        CliRun dryRun = CliRun.of("archive", "prune", "--db=" + TestStore.h2(store), "--today=2027-11-02");
        assertThat(dryRun.exit()).isZero();
        assertThat(dryRun.out()).contains("days before 2026-10-02", "run again with --yes");
        List<Path> before = files("cloudtrail");
        assertThat(before).anyMatch(p -> p.toString().contains("day=2026-10-01"));
        assertThat(files("cloudtrail")).isEqualTo(before);

        CliRun prune = CliRun.of("archive", "prune", "--db=" + TestStore.h2(store), "--today=2027-11-02", "--yes");
        assertThat(prune.exit()).isZero();
        assertThat(prune.out()).contains("Deleted.");
        assertThat(files("cloudtrail")).isNotEmpty().noneMatch(p -> p.toString().contains("day=2026-10-01"));
        assertThat(files("vpcflow")).noneMatch(p -> p.toString().contains("day=2026-10-01"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM archive_file f JOIN log_partition p ON p.id ="
                + " f.partition_id WHERE p.account_id = ? AND p.folder_date = ?", Long.class, account, D1)).isZero();
        // A search over the pruned day says the archive lacks what the store accepted.
        CliRun search = CliRun.of("search", "--db=" + TestStore.h2(store), "--log-type=cloudtrail",
                "--since=2026-10-01T00:00:00Z", "--until=2026-10-01T12:00:00Z", "--account=" + account, "--count");
        assertThat(search.exit()).isEqualTo(2);
        assertThat(search.out().strip()).isEqualTo("0");
        assertThat(search.err()).contains("cloudtrail 2026-10-01 " + account + " ap-northeast-1: the store accepted 7"
                + " records, the archive holds 0");
    }

    private String name(String account, String logType, LocalDate day, String region) {
        Long id = jdbc.queryForObject("SELECT id FROM log_partition WHERE account_id = ? AND log_type = ? AND"
                + " folder_date = ? AND region = ?", Long.class, account, logType, day, region);
        return "part-" + id + ".parquet";
    }
}
