package jp.govcloudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.ChildJvm;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.S3TestServer;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The common reasons a command cannot start, run as an operator runs it: exit 1, one line saying what is wrong and
 * what to do, no stack trace unless --verbose (or in the log file), and no password from the URL anywhere.
 */
class StartupFailuresTest {

    private static final String PASSWORD = "hunter2-in-the-url";

    @TempDir
    Path tmp;

    /** Exit 1, the line on stderr (or stdout for commands that report their own failures), no trace. */
    private static String failsInOneLine(CliRun run, String expected) {
        String all = run.out() + run.err();
        assertThat(run.exit()).as(all).isEqualTo(ExitCodes.FAILURE);
        assertThat(all).as(all).contains(expected);
        assertShort(all);
        return all;
    }

    /** No trace lines, a handful of lines at most (log lines of a started context such as a Flyway warning). */
    private static void assertShort(String output) {
        assertThat(output.lines().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by")).toList())
                .as(output).isEmpty();
        assertThat(output.lines().count()).as(output).isLessThanOrEqualTo(4);
        assertThat(output).doesNotContain(PASSWORD);
    }

    private static void assertTrace(String output) {
        assertThat(output.lines().filter(l -> l.startsWith("\tat ")).count()).as(output).isGreaterThan(10);
        assertThat(output).doesNotContain(PASSWORD);
    }

    @Test
    void missingPostgresDatabase() {
        TestStore.postgres(); // skips (or fails under CI) without a server
        String url = "--db=" + TestStore.POSTGRES_BASE.replaceFirst("/[^/?]+\\?", "/govcloud_no_such_db?")
                + "&password=" + PASSWORD;
        CliRun run = CliRun.of(url, "status");
        String line = failsInOneLine(run, "error: the store's database does not exist (FATAL: database"
                + " \"govcloud_no_such_db\" does not exist): create it, or check --db");
        assertThat(line).containsOnlyOnce("error:");

        CliRun verbose = CliRun.of(url, "--verbose", "status");
        assertThat(verbose.exit()).isEqualTo(ExitCodes.FAILURE);
        assertTrace(verbose.err());
        assertThat(verbose.err().strip()).as("the line comes last, after the trace")
                .endsWith("\"govcloud_no_such_db\" does not exist): create it, or check --db (spring.datasource.url)");
    }

    @Test
    void unreachableDatabaseServer() {
        String url = "--db=jdbc:postgresql://127.0.0.1:" + S3TestServer.freePort() + "/govcloud?user=govcloud&password="
                + PASSWORD;
        failsInOneLine(CliRun.of(url, "status"), "error: cannot connect to the store (Connection to 127.0.0.1:");
        CliRun verbose = CliRun.of(url, "status", "--verbose");
        assertTrace(verbose.err());
        assertThat(verbose.err()).contains("Caused by: java.net.ConnectException");
    }

    @Test
    void missingSourceDirectoryLeavesNoJobBehind() throws SQLException {
        String db = TestStore.h2(tmp.resolve("db"));
        Path missing = tmp.resolve("no-such-logs");
        CliRun run = CliRun.of("--db=" + db, "--source=" + missing, "reprocess", "--from=2026-10-01",
                "--to=2026-10-01");
        failsInOneLine(run, "reprocess FAILED: source location " + missing + ": no such directory, and not"
                + " s3://bucket/prefix; check --source (govcloud.sources)");
        try (Connection c = TestStore.connect(db);
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM batch_job_execution")) {
            rs.next();
            assertThat(rs.getLong(1)).as("refused before the job started").isZero();
        }
    }

    @Test
    void missingOrUnreachableBucket() {
        S3TestServer s3 = S3TestServer.get();
        String db = "--db=" + TestStore.h2(tmp.resolve("db"));
        try {
            System.setProperty("govcloud.s3.endpoint", s3.endpoint());
            failsInOneLine(CliRun.of(db, "--source=s3://govcloud-no-such-bucket/logs", "reprocess",
                    "--from=2026-10-01", "--to=2026-10-01"), "reprocess FAILED: source location"
                    + " s3://govcloud-no-such-bucket/logs/: the bucket does not exist; check --source");

            System.setProperty("govcloud.s3.endpoint", "http://127.0.0.1:" + S3TestServer.freePort());
            System.setProperty("govcloud.s3.max-attempts", "1");
            failsInOneLine(CliRun.of(db, "--source=s3://govcloud-logs/logs", "reprocess", "--from=2026-10-01",
                    "--to=2026-10-01"), "reprocess FAILED: source location s3://govcloud-logs/logs/: S3 cannot be"
                    + " reached (Unable to execute HTTP request: Connect to 127.0.0.1:");
        } finally {
            System.clearProperty("govcloud.s3.endpoint");
            System.clearProperty("govcloud.s3.max-attempts");
        }
    }

    @Test
    void invalidSettingNamesPropertyAndRule() throws IOException {
        Path config = tmp.resolve("application.yml");
        Files.writeString(config, "govcloud:\n  ingest:\n    threads: 0\n");
        try {
            System.setProperty("spring.config.additional-location", config.toUri().toString());
            failsInOneLine(CliRun.of("--db=" + TestStore.h2(tmp.resolve("db")), "status"),
                    "error: invalid configuration: govcloud.ingest.threads = \"0\" (" + config + " line 3) must be"
                            + " greater than or equal to 1");
        } finally {
            System.clearProperty("spring.config.additional-location");
        }
    }

    /**
     * In a JVM of its own: a configuration file that does not parse fails before the logging configuration is read,
     * which a test JVM that has started contexts before cannot show.
     */
    @Test
    void configurationFileThatDoesNotParse() throws Exception {
        Path config = tmp.resolve("application.yml");
        Files.writeString(config, "govcloud:\n  ingest:\n   threads: 2\n  - sources: [\n");
        List<String> properties = List.of("spring.config.additional-location=" + config.toUri());
        String output = child(properties, "--db=" + TestStore.h2(tmp.resolve("db")), "status");
        assertThat(output).contains("error: a configuration file is not valid YAML: expected <block end>, but found"
                + " '-' at line 4, column 3");
        assertShort(output);
        assertThat(output.lines().count()).as(output).isEqualTo(1);

        String verbose = child(properties, "--db=" + TestStore.h2(tmp.resolve("db")), "--verbose", "status");
        assertTrace(verbose);
        assertThat(verbose).contains("\tat org.yaml.snakeyaml.parser.ParserImpl");
    }

    /** H2 refuses a file another process holds open without the automatic server, whatever this URL says. */
    @Test
    void h2StoreHeldByAnotherProcess() throws Exception {
        Path file = tmp.resolve("db").resolve("store");
        try (Connection holder = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
            for (String url : List.of("jdbc:h2:file:" + file, "jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE")) {
                String output = child(List.of(), "--db=" + url, "status");
                assertThat(output).contains("error: the H2 store is open in another process (Database may be already"
                        + " in use: ").contains("wait for that command to finish");
                assertShort(output);
            }
        }
    }

    /** With logging.file.name, the log file has the trace the terminal did not show, without the password. */
    @Test
    void logFileHasTheTrace() throws Exception {
        Path logFile = tmp.resolve("logs/govcloud-ops.log");
        String output = child(List.of("logging.file.name=" + logFile), "--db=jdbc:postgresql://127.0.0.1:"
                + S3TestServer.freePort() + "/govcloud?user=govcloud&password=" + PASSWORD, "status");
        assertThat(output).contains("error: cannot connect to the store");
        assertShort(output);
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(log).contains("ERROR").contains("cannot connect to the store")
                .contains("Caused by: java.net.ConnectException");
        assertTrace(log);
    }

    private String child(List<String> properties, String... args) throws Exception {
        Path log = Files.createTempFile(tmp, "child-", ".log");
        Process process = ChildJvm.start(log, properties, args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished; see " + log).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(ExitCodes.FAILURE);
        return output;
    }
}
