package jp.govcloudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.NightFixture;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query} on PostgreSQL (a fresh schema on the local server, whose user postgres is a superuser): refused as a
 * superuser unless --allow-superuser is given; as the read-only role that docs/operations.md tells how to create, it
 * reads the views and tables (also ones created later) and nothing it tries changes the store or reads a file.
 */
class QueryPostgresTest {

    @TempDir
    Path tmp;

    @Test
    void aSuperuserIsRefusedAndTheDocumentedReaderRoleCanOnlyRead() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        tree.cloudTrail("500000000001", "ap-northeast-1", LocalDate.parse("2026-10-01"), "20261001T0500Z",
                List.of(LogTree.event("2026-10-01T01:00:00Z", "ec2.amazonaws.com", "RunInstances",
                        "arn:aws:iam::500000000001:user/ops", null)));
        String url = TestStore.postgres();
        String schema = url.substring(url.indexOf("&currentSchema=") + "&currentSchema=".length());
        String db = "--db=" + url;
        CliRun reprocess = CliRun.of(db, "--source=" + tree.root(), "reprocess", "--from=2026-10-01", "--to=2026-10-01");
        assertThat(reprocess.exit()).as(reprocess.out() + reprocess.err()).isEqualTo(ExitCodes.OK);

        // As the store's own identity, postgres, a superuser.
        List<String> before = dump(url, schema);
        for (String sql : List.of("SELECT pg_read_file('/etc/passwd')", "SELECT 1 AS one")) {
            CliRun refused = CliRun.of(db, "query", sql);
            assertThat(refused.exit()).isEqualTo(ExitCodes.FAILURE);
            assertThat(refused.out()).isEmpty();
            assertThat(QuerySafetyTest.messages(refused)).containsExactly("query refused or failed: the role postgres is"
                    + " a superuser; configure a read-only role (govcloud.store.reader.*, docs/operations.md) or give"
                    + " --allow-superuser");
        }
        assertThat(CliRun.of(db, "query", "--allow-superuser", "SELECT 1 AS one").out()).isEqualTo("one\r\n1\r\n");

        String role = "t_reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection owner = DriverManager.getConnection(url); Statement st = owner.createStatement()) {
            for (String statement : documentedReaderSql(role, schema)) {
                st.execute(statement);
            }
        }
        System.setProperty("govcloud.store.reader.url", TestStore.POSTGRES_BASE.replace("user=postgres", "user=" + role)
                + "&currentSchema=" + schema);
        try {
            CliRun read = CliRun.of(db, "query", "SELECT account_id, SUM(events) AS events FROM cloudtrail_daily"
                    + " GROUP BY account_id");
            assertThat(read.exit()).as(read.err()).isZero();
            assertThat(read.out()).isEqualTo("account_id,events\r\n500000000001,1\r\n");

            Path victim = Files.createDirectories(tmp.resolve("victim"));
            for (String sql : List.of(
                    "SELECT pg_read_file('/etc/passwd')",
                    "SELECT pg_ls_dir('/etc')",
                    "SELECT lo_import('/etc/passwd')",
                    "SELECT set_config('role', 'postgres', false)",
                    "SELECT pg_reload_conf()",
                    "WITH x AS (UPDATE log_partition SET records = 0 RETURNING 1) SELECT COUNT(*) FROM x",
                    "WITH x AS (DELETE FROM data_gap RETURNING 1) SELECT COUNT(*) FROM x",
                    "SELECT * FROM log_partition FOR UPDATE",
                    "SELECT 1 AS a /* ' */; DROP TABLE data_gap; SELECT /* ' */ 1",
                    "SELECT $x$ ' $x$; COPY log_partition TO '" + victim + "/out.csv'",
                    "COPY (SELECT 1) TO PROGRAM 'touch " + victim + "/program'")) {
                CliRun run = CliRun.of(db, "query", sql);
                assertThat(run.exit()).as(sql + ": " + run.out() + run.err()).isEqualTo(ExitCodes.FAILURE);
                assertThat(QuerySafetyTest.messages(run)).as(sql).singleElement()
                        .satisfies(line -> assertThat(line).startsWith("query refused or failed: "));
            }
            assertThat(QuerySafetyTest.messages(CliRun.of(db, "query", "SELECT pg_read_file('/etc/passwd')")))
                    .containsExactly("query refused or failed: ERROR: permission denied for function pg_read_file");
            assertThat(dump(url, schema)).as("the store after the attempts").containsExactlyElementsOf(before);
            try (var files = Files.list(victim)) {
                assertThat(files).isEmpty();
            }

            // A table a later migration adds is readable too (the default privileges of the documented SQL).
            try (Connection owner = DriverManager.getConnection(url); Statement st = owner.createStatement()) {
                st.execute("CREATE TABLE later_table AS SELECT 42 AS answer");
            }
            assertThat(CliRun.of(db, "query", "SELECT answer FROM later_table").out()).isEqualTo("answer\r\n42\r\n");
        } finally {
            System.clearProperty("govcloud.store.reader.url");
            try (Connection owner = DriverManager.getConnection(url); Statement st = owner.createStatement()) {
                st.execute("DROP OWNED BY " + role);
                st.execute("DROP ROLE " + role);
            }
        }
    }

    /** The SQL of docs/operations.md that creates the reader role, for this test's role, schema and database. */
    static List<String> documentedReaderSql(String role, String schema) throws Exception {
        String runbook = Files.readString(Path.of("docs/operations.md"));
        Matcher block = Pattern.compile("```sql\n(CREATE ROLE govcloud_reader.*?)```", Pattern.DOTALL).matcher(runbook);
        assertThat(block.find()).as("the reader role's SQL in docs/operations.md").isTrue();
        List<String> statements = new ArrayList<>();
        for (String statement : block.group(1).split(";")) {
            String sql = statement.replaceAll("(?m)--.*$", "").strip();
            if (!sql.isEmpty()) {
                statements.add(sql.replace("govcloud_reader", role).replace("SCHEMA public", "SCHEMA " + schema)
                        .replace("DATABASE govcloud", "DATABASE test").replace("FOR ROLE govcloud", "FOR ROLE postgres"));
            }
        }
        return statements;
    }

    /** Every table of the schema, row by row in a fixed order. */
    private static List<String> dump(String url, String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema + "' AND table_type = 'BASE TABLE' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                rows.add("-- " + table);
                rows.addAll(NightFixture.rows(st, "SELECT t::text FROM " + table + " t ORDER BY 1"));
            }
        }
        return rows;
    }
}
