package jp.govcloudops.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.TestStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search} and {@code connectivity} over the archive of a generated sample, their counts checked against
 * DuckDB reading the original log files (gzip JSON and text, Parquet flow logs): another engine, the files as AWS
 * would deliver them.
 */
class InvestigationOverSampleTest {

    static final String SINCE = "2026-10-06T00:00:00Z";
    static final String UNTIL = "2026-10-07T12:00:00Z";

    @TempDir
    static Path tmp;
    static String db;

    @BeforeAll
    static void ingestASample() throws Exception {
        assertThat(CliRun.of("sample-data", "--from=2026-10-06", "--to=2026-10-07", "--out=" + tmp.resolve("sample"),
                "--scale=0.5").exit()).isZero();
        db = TestStore.h2(Files.createDirectories(tmp.resolve("store")));
        CliRun run = CliRun.of("reprocess", "--from=2026-10-06", "--to=2026-10-07",
                "--source=" + tmp.resolve("sample/logs"), "--db=" + db);
        assertThat(run.exit()).as(run.err()).isIn(0, 2);
    }

    static long search(String... filters) {
        String[] args = new String[filters.length + 5];
        args[0] = "search";
        args[1] = "--db=" + db;
        args[2] = "--since=" + SINCE;
        args[3] = "--until=" + UNTIL;
        args[4] = "--count";
        System.arraycopy(filters, 0, args, 5, filters.length);
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.err()).isIn(0, 2);
        return Long.parseLong(run.out().strip());
    }

    static long duck(String sql) throws Exception {
        String logs = tmp.resolve("sample/logs/AWSLogs").toString();
        String cloudTrail = "(SELECT unnest(Records) AS r FROM read_json('" + logs + "/**/*_CloudTrail_*.json.gz',"
                + " maximum_object_size = 100000000, sample_size = -1))";
        String flows = "(SELECT srcaddr, dstaddr, srcport, dstport, protocol, action, \"start\" FROM read_csv('" + logs
                + "/**/*_vpcflowlogs_*.log.gz', delim = ' ', header = true, union_by_name = true, all_varchar = true)"
                + " UNION ALL SELECT CAST(srcaddr AS VARCHAR), CAST(dstaddr AS VARCHAR), CAST(srcport AS VARCHAR),"
                + " CAST(dstport AS VARCHAR), CAST(protocol AS VARCHAR), CAST(action AS VARCHAR),"
                + " CAST(\"start\" AS VARCHAR) FROM read_parquet('" + logs + "/**/*_vpcflowlogs_*.parquet',"
                + " union_by_name = true))";
        String since = "TIMESTAMPTZ '" + SINCE + "'";
        String until = "TIMESTAMPTZ '" + UNTIL + "'";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("SET threads = 1; SET TimeZone = 'UTC'");
            String query = sql
                    .replace("{cloudtrail}", "(SELECT * FROM " + cloudTrail + " WHERE CAST(r.eventTime AS TIMESTAMPTZ)"
                            + " >= " + since + " AND CAST(r.eventTime AS TIMESTAMPTZ) < " + until + ")")
                    .replace("{flows}", "(SELECT * FROM " + flows + " WHERE TRY_CAST(\"start\" AS BIGINT) >= epoch("
                            + since + ") AND TRY_CAST(\"start\" AS BIGINT) < epoch(" + until + "))");
            try (ResultSet rs = st.executeQuery(query)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void cloudTrailCountsEqualDuckDbsOverTheOriginalFiles() throws Exception {
        long all = duck("SELECT COUNT(*) FROM {cloudtrail}");
        assertThat(all).isGreaterThan(1000);
        assertThat(search("--log-type=cloudtrail")).isEqualTo(all);
        String eventName = duckText("SELECT r.eventName FROM {cloudtrail} GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1");
        assertThat(search("--log-type=cloudtrail", "--event-name=" + eventName))
                .isEqualTo(duck("SELECT COUNT(*) FROM {cloudtrail} WHERE r.eventName = '" + eventName + "'"));
        assertThat(search("--log-type=cloudtrail", "--error-code=AccessDenied"))
                .isEqualTo(duck("SELECT COUNT(*) FROM {cloudtrail} WHERE r.errorCode = 'AccessDenied'"));
        String key = duckText("SELECT r.userIdentity.accessKeyId FROM {cloudtrail} WHERE r.userIdentity.accessKeyId"
                + " IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1");
        assertThat(search("--log-type=cloudtrail", "--access-key=" + key)).isEqualTo(duck(
                "SELECT COUNT(*) FROM {cloudtrail} WHERE r.userIdentity.accessKeyId = '" + key + "'")).isPositive();
    }

    @Test
    void flowCountsEqualDuckDbsOverTheOriginalFiles() throws Exception {
        long all = duck("SELECT COUNT(*) FROM {flows}");
        assertThat(all).isGreaterThan(1000);
        assertThat(search("--log-type=vpcflow")).isEqualTo(all);
        assertThat(search("--log-type=vpcflow", "--action=REJECT"))
                .isEqualTo(duck("SELECT COUNT(*) FROM {flows} WHERE action = 'REJECT'")).isPositive();
        assertThat(search("--log-type=vpcflow", "--port=443", "--protocol=tcp")).isEqualTo(duck(
                "SELECT COUNT(*) FROM {flows} WHERE (srcport = '443' OR dstport = '443') AND protocol = '6'"))
                .isPositive();
        assertThat(search("--log-type=vpcflow", "--dst=10.0.0.0/8")).isEqualTo(duck(
                "SELECT COUNT(*) FROM {flows} WHERE dstaddr LIKE '10.%'")).isPositive();
    }

    @Test
    void aWindowWithoutLogsSaysSoAndExitsTwo() {
        CliRun run = CliRun.of("search", "--db=" + db, "--log-type=vpcflow", "--from=2026-11-20", "--format=csv");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("vpcflow 2026-11-19: no partition ingested", "vpcflow 2026-11-20: no partition");
        assertThat(run.out().lines().toList()).hasSize(1).first().asString().startsWith("version,account_id,interface_id,");
    }

    @Test
    void csvAndJsonLinesHoldOneRecordPerRow() {
        CliRun csv = CliRun.of("search", "--db=" + db, "--log-type=cloudtrail", "--since=" + SINCE,
                "--until=" + UNTIL, "--format=csv", "--limit=5");
        assertThat(csv.exit()).isIn(0, 2);
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).startsWith("event_time,event_version,event_source,");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(6);
        CliRun jsonl = CliRun.of("search", "--db=" + db, "--log-type=cloudtrail", "--since=" + SINCE,
                "--until=" + UNTIL, "--format=jsonl", "--limit=3");
        assertThat(jsonl.out().lines().toList()).hasSize(3).allMatch(l -> l.startsWith("{\"event_time\":\""));
    }

    @Test
    void theConnectivitySheetShowsTheVendorsTrafficAndItsCountsAsDuckDbDoes() throws Exception {
        Path pdf = tmp.resolve("sheet.pdf");
        Path csv = tmp.resolve("sheet.csv");
        CliRun run = CliRun.of("connectivity", "--db=" + db, "--src=10.200.0.0/16", "--dst=10.0.0.0/8", "--port=443",
                "--protocol=tcp", "--since=" + SINCE, "--until=" + UNTIL, "--pdf=" + pdf, "--csv=" + csv);
        assertThat(run.exit()).as(run.err()).isIn(0, 2);
        assertThat(run.err()).contains("往路: 通信あり", "復路: 通信あり");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("direction,account_id,interface_id,port,protocol,accepted_flows,"
                + "rejected_flows,first_seen,last_seen,packets,bytes,verdict");
        long accepted = rows.stream().skip(1).filter(r -> r.startsWith("往路,")).mapToLong(r -> Long.parseLong(
                r.split(",")[5])).sum();
        assertThat(accepted).isPositive().isEqualTo(duck("SELECT COUNT(*) FROM {flows} WHERE srcaddr LIKE '10.200.%'"
                + " AND dstaddr LIKE '10.%' AND dstport = '443' AND protocol = '6' AND action = 'ACCEPT'"));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("疎通確認結果", "判定: 往路 通信あり", "読み込んだパーティション", "ログ欠損");
        }
    }

    @Test
    void aConnectivityWindowWithoutLogsSaysNoRecordAndWhichLogsAreMissing() throws Exception {
        Path csv = tmp.resolve("none.csv");
        CliRun run = CliRun.of("connectivity", "--db=" + db, "--src=10.200.0.0/16", "--dst=10.0.0.0/8", "--port=443",
                "--from=2026-11-20", "--csv=" + csv);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("往路: 記録なし（ログ欠損あり）", "vpcflow 2026-11-20: no partition ingested");
        assertThat(Files.readAllLines(csv)).hasSize(3).allMatch(r -> r.startsWith("direction") || r.endsWith(
                ",記録なし（ログ欠損あり）"));
    }

    @Test
    void aTimelineOfAKeyHoldsItsRecordsInTimeOrder() throws Exception {
        String key = duckText("SELECT r.userIdentity.accessKeyId FROM {cloudtrail} WHERE r.userIdentity.accessKeyId"
                + " IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1");
        String principal = duckText("SELECT COALESCE(r.userIdentity.sessionContext.sessionIssuer.arn,"
                + " r.userIdentity.arn) FROM {cloudtrail} WHERE r.userIdentity.accessKeyId = '" + key + "' LIMIT 1");
        CliRun run = CliRun.of("timeline", "--db=" + db, "--principal=" + principal, "--since=" + SINCE,
                "--until=" + UNTIL);
        assertThat(run.exit()).as(run.err()).isIn(0, 2);
        List<String> rows = run.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("time,log,account,actor,what,from,to,detail");
        assertThat(rows.size() - 1L).isPositive().isEqualTo(search("--log-type=cloudtrail", "--principal=" + principal));
        List<String> times = rows.stream().skip(1).map(r -> r.substring(0, r.indexOf(','))).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(java.time.OffsetDateTime::parse));
    }

    static String duckText(String sql) throws Exception {
        String logs = tmp.resolve("sample/logs/AWSLogs").toString();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("SET threads = 1; SET TimeZone = 'UTC'");
            String cloudTrail = "(SELECT unnest(Records) AS r FROM read_json('" + logs
                    + "/**/*_CloudTrail_*.json.gz', maximum_object_size = 100000000, sample_size = -1))";
            try (ResultSet rs = st.executeQuery(sql.replace("{cloudtrail}", cloudTrail))) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
