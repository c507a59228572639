package jp.govcloudops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.store.H2FileStore;
import jp.govcloudops.store.StoreCredentials;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.NightFixture;
import jp.govcloudops.support.TestStore;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 18 on {@code query} over an H2 file store, through the real command line: each is refused with
 * exit 1 and a one-line reason, the store's dump (H2 SCRIPT) is the same before and after, and no file is made. Then
 * the same statements straight through JDBC as the reader, without the one-statement check, to show that the
 * identity alone refuses them.
 */
class QuerySafetyTest {

    @TempDir
    Path tmp;

    private String url;
    private String db;
    private Path victim;
    private Connection admin;

    @BeforeEach
    void store() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(LogTree.event("2026-10-01T0" + i + ":00:00Z", "ec2.amazonaws.com", "RunInstances",
                    "arn:aws:iam::500000000001:user/ops", null));
        }
        tree.cloudTrail("500000000001", "ap-northeast-1", LocalDate.parse("2026-10-01"), "20261001T0500Z", events);
        url = TestStore.h2(tmp.resolve("db"));
        db = "--db=" + url;
        CliRun reprocess = CliRun.of(db, "--source=" + tree.root(), "reprocess", "--from=2026-10-01", "--to=2026-10-02");
        assertThat(reprocess.exit()).as(reprocess.out() + reprocess.err()).isEqualTo(ExitCodes.OK);
        victim = Files.createDirectories(tmp.resolve("victim"));
        admin = TestStore.connect(url);
        Files.writeString(victim.resolve("script.sql"), "DROP TABLE data_gap;\n");
    }

    /** What the attacks try, each a single statement as H2 reads it. */
    private List<String> attacks() {
        String dir = victim.toAbsolutePath().toString();
        return List.of(
                "SELECT CAST(FILE_READ('/etc/passwd', NULL) AS VARCHAR)",
                "SELECT * FROM CSVREAD('/etc/hostname')",
                "SELECT CSVWRITE('" + dir + "/x.csv', 'SELECT * FROM log_partition')",
                "SELECT FILE_WRITE('hello', '" + dir + "/y')",
                "CREATE ALIAS MKFILE AS $$ void f(String p) throws Exception {"
                        + " java.nio.file.Files.createFile(java.nio.file.Path.of(p)); } $$",
                "CALL MKFILE('" + dir + "/z')",
                "WITH x AS (SELECT 1) SELECT COUNT(*) FROM OLD TABLE (UPDATE log_partition SET records=0)",
                "SELECT * FROM NEW TABLE (INSERT INTO data_gap (partition_id, kind, detail) SELECT id, 'EMPTY_PARTITION',"
                        + " 'x' FROM log_partition)",
                "SELECT * FROM FINAL TABLE (UPDATE source_object SET records = 0)",
                "SELECT COUNT(*) FROM OLD TABLE (DELETE FROM data_gap)",
                "SET TRACE_LEVEL_FILE 3",
                "SET EXCLUSIVE 1",
                "SET DB_CLOSE_DELAY -1",
                "SET MODE PostgreSQL",
                "SHUTDOWN",
                "BACKUP TO '" + dir + "/backup.zip'",
                "SCRIPT TO '" + dir + "/dump.sql'",
                "RUNSCRIPT FROM '" + dir + "/script.sql'",
                "SELECT * FROM LINK_SCHEMA('LINKED', '', 'jdbc:h2:" + dir + "/linked', 'sa', '', 'PUBLIC')",
                "DROP TABLE data_gap",
                "CREATE USER intruder PASSWORD 'x' ADMIN",
                "GRANT ADMIN TO GOVCLOUD_READER",
                "ALTER USER GOVCLOUD_READER ADMIN TRUE");
    }

    @Test
    void everyAttackThroughTheCommandLineIsRefusedAndChangesNothing() throws Exception {
        List<String> before = dump(admin);
        List<String> commands = new ArrayList<>(attacks());
        String dir = victim.toAbsolutePath().toString();
        // The statements hidden behind a quote in a comment (the old check's hole).
        commands.add("SELECT 1 AS a /* ' */; DROP TABLE data_gap; SELECT /* ' */ 1");
        commands.add("SELECT 1 AS a /* ' */; CREATE ALIAS MKFILE AS $$ void f(String p) throws Exception {"
                + " java.nio.file.Files.createFile(java.nio.file.Path.of(p)); } $$; CALL MKFILE('" + dir + "/z')");
        commands.add("SELECT NEXT VALUE FOR BATCH_JOB_SEQ");
        for (String sql : commands) {
            CliRun run = CliRun.of(db, "query", sql);
            assertThat(run.exit()).as(sql + "\n" + run.out() + run.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(run.out()).as(sql).isEmpty();
            assertThat(messages(run)).as(sql).singleElement(InstanceOfAssertFactories.STRING)
                    .startsWith("query refused or failed: ").doesNotContain("root:");
        }
        assertThat(dump(admin)).as("the store after the attacks").containsExactlyElementsOf(before);
        try (var files = Files.list(victim)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("script.sql");
        }
        // Reasons an operator can act on.
        assertThat(messages(CliRun.of(db, "query", "SELECT CAST(FILE_READ('/etc/passwd', NULL) AS VARCHAR)")))
                .containsExactly("query refused or failed: Admin rights are required for this operation");
        assertThat(messages(CliRun.of(db, "query", "SELECT 1 AS a /* ' */; DROP TABLE data_gap; SELECT /* ' */ 1")))
                .containsExactly("query refused or failed: only one statement is accepted; a second one starts at"
                        + " character 24");
        assertThat(messages(CliRun.of(db, "query", "SELECT COUNT(*) FROM OLD TABLE (DELETE FROM data_gap)")))
                .singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("query refused or failed: Not enough rights for object \"PUBLIC.DATA_GAP\"");
    }

    @Test
    void theReaderIdentityAloneRefusesEveryAttack() throws Exception {
        List<String> before = dump(admin);
        String password = StoreCredentials.read(H2FileStore.of(url).orElseThrow().credentialsFile()).reader();
        try (Connection reader = DriverManager.getConnection(url, "GOVCLOUD_READER", password);
                Statement st = reader.createStatement()) {
            for (String sql : attacks()) {
                assertThatThrownBy(() -> st.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).as(sql + ": " + e.getMessage())
                                .isIn(90040, 90096, 90022, 42001, 42102));
            }
        }
        assertThat(dump(admin)).containsExactlyElementsOf(before);
        try (var files = Files.list(victim)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("script.sql");
        }
    }

    private static long repeatableMigrations() throws IOException {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("R__")).count();
        }
    }

    @Test
    void theReaderReadsEveryTableAndViewAlsoAfterTheViewsAreReplaced() throws Exception {
        List<String> relations;
        try (Statement st = admin.createStatement()) {
            relations = NightFixture.rows(st, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA ="
                    + " 'PUBLIC' ORDER BY 1").stream().map(r -> r.substring(0, r.length() - 1)).toList();
            // The next command re-runs the repeatable migrations, which drop and re-create the views.
            assertThat(st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 0 WHERE \"script\""
                    + " LIKE 'R\\_\\_%'")).isEqualTo(repeatableMigrations());
        }
        assertThat(relations).contains("CLOUDTRAIL_DAILY", "FLOW_DAILY", "FINDINGS", "COST_MONTH", "LOG_PARTITION",
                "QUARANTINE", "DATA_GAP", "MAIL_OUTBOX", "BATCH_JOB_EXECUTION", "WORK_EFFORT", "COST_ALERT");
        StringBuilder union = new StringBuilder();
        for (String relation : relations) {
            union.append(union.isEmpty() ? "" : " UNION ALL ").append("SELECT '").append(relation)
                    .append("' AS relation, COUNT(*) AS n FROM \"").append(relation).append('"');
        }
        String partitions;
        try (Statement st = admin.createStatement()) {
            partitions = NightFixture.rows(st, "SELECT COUNT(*) FROM LOG_PARTITION").get(0).replace("|", "");
        }
        CliRun read = CliRun.of(db, "query", union.toString());
        assertThat(read.exit()).as(read.err()).isZero();
        // The reader sees the rows the administrator sees (the night records a partition per log type it reads).
        assertThat(partitions).isNotEqualTo("0");
        assertThat(read.out()).contains("CLOUDTRAIL_DAILY,1\r\n", "LOG_PARTITION," + partitions + "\r\n");
        assertThat(read.out().lines().count()).isEqualTo(relations.size() + 1);
        try (Statement st = admin.createStatement()) {
            assertThat(NightFixture.rows(st, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"script\" LIKE"
                    + " 'R\\_\\_%' AND \"checksum\" <> 0")).as("the views were re-created").containsExactly(repeatableMigrations() + "|");
        }
    }

    /** What the command said on stderr, less the log lines (which go to stderr too, with a timestamp). */
    static List<String> messages(CliRun run) {
        return run.err().lines().filter(l -> !l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList();
    }

    /**
     * The whole store as SQL (H2's SCRIPT). Taken through one connection that stays open from before the attacks to
     * after them: H2 prints a view from its compiled query, whose conditions may come out in another order after the
     * store is closed and opened again.
     */
    private static List<String> dump(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement()) {
            return NightFixture.rows(st, "SCRIPT");
        }
    }

    @AfterEach
    void closeAdmin() throws SQLException {
        if (admin != null) {
            admin.close();
        }
    }
}
