package jp.govcloudops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code user add} and {@code user passwd} through the real command line on an H2 file store: BCrypt hashes, the
 * audit line, a usage error; the query reader reads the audit log but never the password hashes. (A taken name and a
 * short password are refused by the same service in ConsoleAccessTest, without starting a command each.)
 */
class UserCommandTest {

    @TempDir
    Path dir;

    @Test
    void usersAreStoredWithBcryptHashesThatTheQueryReaderCannotRead() throws Exception {
        String db = "--db=jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        CliRun added = withStdin("a-long-enough-password\n", () -> CliRun.of(db, "user", "add", "sato",
                "--role=運用者", "--password-stdin"));
        assertThat(added.exit()).as(added.err()).isEqualTo(ExitCodes.OK);
        assertThat(added.out()).contains("user sato added (OPERATOR)");

        CliRun badRole = CliRun.of(db, "user", "add", "suzuki", "--role=ROOT", "--password-stdin");
        assertThat(badRole.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRole.err()).contains("unknown role 'ROOT'");

        CliRun changed = withStdin("another-long-password\n", () -> CliRun.of(db, "user", "passwd", "sato",
                "--role=ADMIN", "--password-stdin"));
        assertThat(changed.exit()).as(changed.err()).isEqualTo(ExitCodes.OK);

        String url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        try (Connection admin = TestStore.connect(url); ResultSet rs = admin.createStatement().executeQuery(
                "SELECT password_hash, role FROM PUBLIC_AUTH.console_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("$2a$10$").doesNotContain("password");
            assertThat(rs.getString(2)).isEqualTo("ADMIN");
            assertThat(jp.govcloudops.web.user.ConsoleUsers.PASSWORDS.matches("another-long-password",
                    rs.getString(1))).isTrue();
            assertThat(rs.next()).isFalse();
        }
        try (Connection admin = TestStore.connect(url); ResultSet rs = admin.createStatement().executeQuery(
                "SELECT username, address, action, target FROM console_audit ORDER BY id")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
            String os = System.getProperty("user.name");
            assertThat(lines).containsExactly(os + " command line user.add user:sato",
                    os + " command line user.passwd user:sato");
        }

        // The query reader (V35) reads the audit log, not the users' schema.
        CliRun audit = CliRun.of(db, "query", "SELECT action FROM console_audit ORDER BY id");
        assertThat(audit.exit()).as(audit.err()).isEqualTo(ExitCodes.OK);
        assertThat(audit.out()).contains("user.add", "user.passwd");
        CliRun hashes = CliRun.of(db, "query", "SELECT password_hash FROM PUBLIC_AUTH.console_user");
        assertThat(hashes.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(hashes.out()).doesNotContain("$2a$");
        assertThat(hashes.err()).doesNotContain("$2a$");
    }

    private static CliRun withStdin(String text, java.util.function.Supplier<CliRun> run) {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return run.get();
        } finally {
            System.setIn(in);
        }
    }
}
