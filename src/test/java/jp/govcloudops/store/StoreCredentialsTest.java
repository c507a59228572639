package jp.govcloudops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.OwnerOnly;
import org.h2.tools.Recover;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 store's password: generated into {@code <store>.credentials} for a new store, set on a store of an earlier
 * version (user sa, no password) without a window in which a crash locks it, configuration winning over the file,
 * and the runbook's way back when the file is lost. Commands run through the real command line on a file store.
 */
class StoreCredentialsTest {

    @TempDir
    Path tmp;

    private String url() {
        return "jdbc:h2:file:" + tmp.resolve("db/store").toAbsolutePath();
    }

    private Path file(String suffix) {
        return tmp.resolve("db/store" + suffix);
    }

    private CliRun status() {
        return CliRun.of("--db=" + url(), "status");
    }

    private CliRun query(String sql) {
        return CliRun.of("--db=" + url(), "query", sql);
    }

    private static void assertRefused(String url, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url + ";AUTO_SERVER=TRUE", user, password).close())
                .as("%s with %s", user, password.isEmpty() ? "no password" : "a wrong password")
                .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
    }

    private static void assertOpens(String url, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url + ";AUTO_SERVER=TRUE", "sa", password)) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    /**
     * A store as an earlier version left it: the H2 file written by the last version without store credentials
     * (migrations up to 34: user sa without a password, no query reader, no credentials file), with a table of data
     * added. A file rather than a store made now and stripped back, because later migrations would be in its history.
     */
    private void earlierVersionStore() throws Exception {
        Files.createDirectories(file(".mv.db").getParent());
        try (var in = new java.util.zip.GZIPInputStream(
                StoreCredentialsTest.class.getResourceAsStream("/store/earlier-version-store.mv.db.gz"))) {
            Files.copy(in, file(".mv.db"));
        }
        try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\"")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("34");
        }
    }

    @Test
    void aNewStoreGetsGeneratedPasswordsInAFileOnlyItsOwnerCanRead() throws Exception {
        CliRun status = status();
        assertThat(status.exit()).as(status.out() + status.err()).isEqualTo(ExitCodes.OK);
        StoreCredentials.Passwords passwords = StoreCredentials.read(file(".credentials"));
        assertThat(passwords.admin()).hasSize(32).isNotEqualTo(passwords.reader());
        OwnerOnly.assertPath(file(".credentials"));
        assertThat(passwords.toString()).doesNotContain(passwords.admin());
        assertRefused(url(), "sa", "");
        assertOpens(url(), passwords.admin());

        CliRun query = query("SELECT COUNT(*) AS n FROM log_partition");
        assertThat(query.out()).isEqualTo("n\r\n0\r\n");
        for (CliRun run : List.of(status, query)) {
            assertThat(run.out() + run.err()).doesNotContain(passwords.admin()).doesNotContain(passwords.reader());
        }
        // A second store given by --db has passwords of its own.
        CliRun other = CliRun.of("--db=jdbc:h2:file:" + tmp.resolve("other/store").toAbsolutePath(), "status");
        assertThat(other.exit()).isZero();
        assertThat(StoreCredentials.read(tmp.resolve("other/store.credentials")).admin()).isNotEqualTo(passwords.admin());
    }

    @Test
    void aStoreOfAnEarlierVersionGetsItsPasswordOnFirstUseAndKeepsItsData() throws Exception {
        earlierVersionStore();
        CliRun status = status();
        assertThat(status.exit()).as(status.out() + status.err()).isEqualTo(ExitCodes.OK);
        assertThat(file(".credentials.new")).doesNotExist();
        String password = StoreCredentials.read(file(".credentials")).admin();
        assertRefused(url(), "sa", "");
        assertOpens(url(), password);
        assertThat(query("SELECT x FROM legacy").out()).isEqualTo("x\r\n7\r\n");
        assertThat(status.out() + status.err()).doesNotContain(password);
    }

    @Test
    void anUpgradeInterruptedBeforeOrAfterSettingThePasswordIsFinishedByTheNextCommand() throws Exception {
        // Killed after writing the new passwords, before setting them: the store still has none.
        earlierVersionStore();
        Files.writeString(file(".credentials.new"), "password=first-new-password\nreader.password=first-reader\n");
        assertThat(status().exit()).isZero();
        assertThat(file(".credentials.new")).doesNotExist();
        assertThat(StoreCredentials.read(file(".credentials")).admin()).isEqualTo("first-new-password");
        assertRefused(url(), "sa", "");
        assertOpens(url(), "first-new-password");
        assertThat(query("SELECT x FROM legacy").out()).isEqualTo("x\r\n7\r\n");

        // Killed after setting them, before the rename.
        Files.move(file(".credentials"), file(".credentials.new"));
        assertThat(status().exit()).isZero();
        assertThat(StoreCredentials.read(file(".credentials")).admin()).isEqualTo("first-new-password");
        assertOpens(url(), "first-new-password");
    }

    @Test
    void aConfiguredPasswordWinsOverTheFile() throws Exception {
        earlierVersionStore();
        System.setProperty("spring.datasource.password", "configured-secret");
        try {
            CliRun status = status();
            assertThat(status.exit()).as(status.out() + status.err()).isZero();
            assertThat(query("SELECT x FROM legacy").out()).isEqualTo("x\r\n7\r\n");
        } finally {
            System.clearProperty("spring.datasource.password");
        }
        assertOpens(url(), "configured-secret");
        assertRefused(url(), "sa", StoreCredentials.read(file(".credentials")).admin());
    }

    @Test
    void aLostCredentialsFileIsRecoveredAsTheRunbookSays() throws Exception {
        assertThat(status().exit()).isZero();
        assertThat(query("SELECT COUNT(*) AS n FROM store_zone").out()).isEqualTo("n\r\n1\r\n");
        Files.delete(file(".credentials"));

        CliRun locked = status();
        assertThat(locked.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(locked.err()).contains("the store refuses both the password in store.credentials.new and the empty"
                + " password of earlier versions; see docs/operations.md, \"Store credentials\"");

        // docs/operations.md, "Lost or stale credentials file", step 4, with this test's directories.
        Path lost = Files.move(tmp.resolve("db"), tmp.resolve("db.lost"));
        Files.createDirectory(tmp.resolve("db"));
        Recover.main("-dir", lost.toString(), "-db", "store");
        RunScript.main("-url", url(), "-user", "sa", "-password", "", "-script", lost.resolve("store.h2.sql").toString());
        CliRun recovered = status();
        assertThat(recovered.exit()).as(recovered.out() + recovered.err()).isZero();
        // The reader kept its old password in the dump; query sets the new one.
        assertThat(query("SELECT COUNT(*) AS n FROM store_zone").out()).isEqualTo("n\r\n1\r\n");
        assertRefused(url(), "sa", "");
    }
}
