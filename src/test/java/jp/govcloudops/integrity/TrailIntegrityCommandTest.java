package jp.govcloudops.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.cli.GovcloudCli;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify-trail on a generated sample estate, as an operator runs it: untouched logs validate; a deleted, a changed
 * and an added log file, a tampered and a deleted digest are each reported with the file named, stored, and make
 * exit code 2; re-runs give the same rows.
 */
class TrailIntegrityCommandTest {

    private static final String ACCOUNT = "527461930384";
    private static final String REGION = "ap-northeast-1";

    @TempDir
    static Path sampleDir;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() {
        assertThat(GovcloudCli.execute(GovcloudOpsApplication.class, "sample-data", "--from=2026-10-05", "--to=2026-10-06", "--scale=0.05",
                "--seed=11", "--out=" + sampleDir.resolve("sample"))).isEqualTo(ExitCodes.OK);
    }

    @AfterEach
    void clearConfig() {
        System.clearProperty("spring.config.additional-location");
    }

    @Test
    void untouchedLogsValidateAndReRunsKeepTheSameRows() throws Exception {
        Path logs = copyOfLogs();
        String db = TestStore.h2(tmp.resolve("db"));
        CliRun first = verify(db, logs, true);
        assertThat(first.exit()).as(first.out() + first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("-> all valid").doesNotContain("PUBLIC_KEY").doesNotContain("NOT_AVAILABLE");
        long hours = count(db, "SELECT COUNT(*) FROM trail_integrity_hour");
        // 2 days x 24 hours for each of the sample's 8 CloudTrail streams.
        assertThat(hours).isEqualTo(8 * 48);
        assertThat(count(db, "SELECT COUNT(*) FROM trail_integrity WHERE status <> 'VALID'")).isZero();
        assertThat(count(db, "SELECT SUM(log_files) FROM trail_integrity_hour")).isEqualTo(logFiles(logs))
                .isEqualTo(count(db, "SELECT SUM(valid_files) FROM trail_integrity_hour"));

        CliRun second = verify(db, logs, true);
        assertThat(second.exit()).isEqualTo(ExitCodes.OK);
        assertThat(count(db, "SELECT COUNT(*) FROM trail_integrity_hour")).isEqualTo(hours);
        assertThat(count(db, "SELECT COUNT(DISTINCT id) FROM trail_integrity_hour")).isEqualTo(hours);
    }

    @Test
    void deletedChangedAndAddedLogFilesAndATamperedDigestAreNamed() throws Exception {
        Path logs = copyOfLogs();
        Path day = logs.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail/" + REGION + "/2026/10/05");
        List<Path> files = sorted(day);
        Path deleted = files.get(0);
        Path changed = files.get(1);
        Path source = files.get(2);
        Files.delete(deleted);
        rewriteGzip(changed, json -> json.replaceFirst("\"eventName\":\"[^\"]*\"", "\"eventName\":\"Nothing\""));
        String addedName = source.getFileName().toString().replaceFirst("_[A-Za-z0-9]{16}\\.json\\.gz$",
                "_ADDEDADDEDADDED1.json.gz");
        Files.copy(source, day.resolve(addedName));
        Path digestDay = logs.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/" + REGION + "/2026/10/06");
        Path tampered = sorted(digestDay).stream().filter(p -> p.toString().endsWith("T120000Z.json.gz")).findFirst()
                .orElseThrow();
        rewriteGzip(tampered, json -> json.replaceFirst("\"digestStartTime\":\"2026-10-06T11:00:00Z\"",
                "\"digestStartTime\":\"2026-10-06T10:59:59Z\""));

        String db = TestStore.h2(tmp.resolve("db"));
        CliRun run = verify(db, logs, true);
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.COMPLETED_WITH_GAPS);
        assertThat(run.out()).contains("LOG_FILE_MISSING " + key(logs, deleted))
                .contains("LOG_FILE_CHANGED " + key(logs, changed))
                .contains("LOG_FILE_ADDED " + key(logs, day.resolve(addedName)))
                .contains("DIGEST_SIGNATURE_INVALID " + key(logs, tampered))
                .contains("CHAIN_BROKEN " + key(logs, tampered))
                .contains("-> NOT ALL VALID");
        List<String> problems = rows(db, "SELECT status || ' ' || object_key FROM trail_integrity_problems"
                + " ORDER BY hour_start, status");
        assertThat(problems).containsExactlyInAnyOrder(
                "LOG_FILE_MISSING " + key(logs, deleted),
                "LOG_FILE_CHANGED " + key(logs, changed),
                "LOG_FILE_ADDED " + key(logs, day.resolve(addedName)),
                "DIGEST_SIGNATURE_INVALID " + key(logs, tampered),
                "CHAIN_BROKEN " + key(logs, tampered));
        assertThat(rows(db, "SELECT DISTINCT status FROM trail_integrity WHERE status <> 'VALID' ORDER BY status"))
                .containsExactly("CHAIN_BROKEN", "DIGEST_SIGNATURE_INVALID", "LOG_FILE_ADDED", "LOG_FILE_CHANGED",
                        "LOG_FILE_MISSING");
        // Tampering is a CRITICAL finding per account, region and (JST) day, with its 対応策.
        assertThat(rows(db, "SELECT severity || ' ' || account_id || ' ' || region FROM finding"
                + " WHERE rule_id = 'trail-integrity-violation'")).isNotEmpty()
                .allMatch(r -> r.equals("CRITICAL " + ACCOUNT + " " + REGION));
        assertThat(rows(db, "SELECT countermeasure_ja FROM finding WHERE rule_id = 'trail-integrity-violation'"))
                .allMatch(c -> c.contains("verify-trail"));
        long findings = count(db, "SELECT COUNT(*) FROM finding");

        CliRun again = verify(db, logs, true);
        assertThat(again.exit()).isEqualTo(ExitCodes.COMPLETED_WITH_GAPS);
        assertThat(rows(db, "SELECT status || ' ' || object_key FROM trail_integrity_problems"))
                .containsExactlyInAnyOrderElementsOf(problems);
        assertThat(count(db, "SELECT COUNT(*) FROM finding")).isEqualTo(findings);
        assertThat(count(db, "SELECT COUNT(*) FROM trail_integrity_hour")).isEqualTo(8 * 48);
    }

    @Test
    void aDeletedDigestIsAMissingHourAndADataGapThatClosesWhenItIsBack() throws Exception {
        Path logs = copyOfLogs();
        Path digestDay = logs.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/" + REGION + "/2026/10/05");
        Path digest = sorted(digestDay).stream().filter(p -> p.toString().endsWith("T080000Z.json.gz")).findFirst()
                .orElseThrow();
        Path saved = tmp.resolve("saved.json.gz");
        Files.move(digest, saved);
        String db = TestStore.h2(tmp.resolve("db"));

        CliRun run = verify(db, logs, true);
        assertThat(run.exit()).as(run.out()).isEqualTo(ExitCodes.COMPLETED_WITH_GAPS);
        assertThat(run.out()).contains("2026-10-05T07:00:00Z DIGEST_MISSING " + key(logs, digest));
        assertThat(rows(db, "SELECT status FROM trail_integrity WHERE hour_start = TIMESTAMP '2026-10-05 07:00:00'"
                + " AND account_id = '" + ACCOUNT + "' AND region = '" + REGION + "'")).containsExactly("DIGEST_MISSING");
        // The files of that hour are listed by no digest any more.
        assertThat(rows(db, "SELECT DISTINCT status FROM trail_integrity_problems")).contains("DIGEST_MISSING");
        assertThat(rows(db, "SELECT g.kind || ' ' || g.object_key FROM data_gap g WHERE g.resolved_at IS NULL"))
                .containsExactly("DIGEST_MISSING 2026-10-05T07:00:00Z");

        Files.move(saved, digest);
        CliRun repaired = verify(db, logs, true);
        assertThat(repaired.exit()).as(repaired.out()).isEqualTo(ExitCodes.OK);
        assertThat(count(db, "SELECT COUNT(*) FROM data_gap WHERE resolved_at IS NULL")).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM data_gap WHERE kind = 'DIGEST_MISSING'")).isEqualTo(1);
    }

    @Test
    void withoutKeyOrSignatureTheDigestsAreUnprovenNotInvalid() throws Exception {
        Path logs = copyOfLogs();
        for (Path sidecar : allFiles(logs.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail-Digest"))) {
            if (sidecar.toString().endsWith(".signature")) {
                Files.delete(sidecar);
            }
        }
        String db = TestStore.h2(tmp.resolve("db"));
        // No configuration: no key file.
        CliRun run = verify(db, logs, false);
        assertThat(run.exit()).as(run.out()).isEqualTo(ExitCodes.COMPLETED_WITH_GAPS);
        assertThat(rows(db, "SELECT DISTINCT status FROM trail_integrity ORDER BY status"))
                .containsExactly("PUBLIC_KEY_NOT_AVAILABLE");
        assertThat(rows(db, "SELECT DISTINCT status FROM trail_integrity_problems WHERE account_id = '" + ACCOUNT
                + "' ORDER BY status")).containsExactly("PUBLIC_KEY_NOT_AVAILABLE", "SIGNATURE_NOT_AVAILABLE");
        assertThat(count(db, "SELECT COUNT(*) FROM data_gap WHERE kind = 'PUBLIC_KEY_MISSING' AND resolved_at IS NULL"))
                .isGreaterThan(0);
        assertThat(count(db, "SELECT COUNT(*) FROM finding")).isZero();

        // With the key, the digests whose sidecar is gone are still unproven, the others valid.
        CliRun withKey = verify(db, logs, true);
        assertThat(withKey.exit()).isEqualTo(ExitCodes.COMPLETED_WITH_GAPS);
        assertThat(rows(db, "SELECT DISTINCT status FROM trail_integrity ORDER BY status"))
                .containsExactly("SIGNATURE_NOT_AVAILABLE", "VALID");
        assertThat(count(db, "SELECT COUNT(*) FROM trail_integrity WHERE status = 'SIGNATURE_NOT_AVAILABLE'"
                + " AND account_id <> '" + ACCOUNT + "'")).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM data_gap WHERE resolved_at IS NULL")).isZero();
    }

    @Test
    void aChainThatGoesOnBeforeFromIsNotBroken() throws Exception {
        Path logs = copyOfLogs();
        String db = TestStore.h2(tmp.resolve("db"));
        CliRun run = CliRun.of(withConfig("--db=" + db, "--source=" + logs, "verify-trail", "--from=2026-10-06",
                "--to=2026-10-06", "--account=" + ACCOUNT));
        assertThat(run.exit()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(count(db, "SELECT COUNT(*) FROM trail_integrity_hour")).isEqualTo(2 * 24);
        assertThat(rows(db, "SELECT DISTINCT account_id FROM trail_integrity")).containsExactly(ACCOUNT);
    }

    private String[] withConfig(String... args) {
        System.setProperty("spring.config.additional-location",
                sampleDir.resolve("sample/config/").toUri().toString());
        return args;
    }

    private CliRun verify(String db, Path logs, boolean config) {
        String[] args = {"--db=" + db, "--source=" + logs, "verify-trail", "--from=2026-10-05", "--to=2026-10-06"};
        if (config) {
            withConfig();
        } else {
            System.clearProperty("spring.config.additional-location");
        }
        return CliRun.of(args);
    }

    private Path copyOfLogs() throws IOException {
        Path from = sampleDir.resolve("sample/logs");
        Path to = tmp.resolve("logs");
        for (Path file : allFiles(from)) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
        return to;
    }

    static List<Path> allFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".json.gz")).sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static long logFiles(Path logs) throws IOException {
        // The judged hours' files: the deliveries just after midnight of 10/07 are judged with that day.
        return allFiles(logs).stream().map(p -> p.toString().replace('\\', '/'))
                .filter(p -> p.contains("/CloudTrail/") && p.matches(".*/2026/10/0[56]/.*")).count();
    }

    private static String key(Path logs, Path file) {
        return logs.relativize(file).toString().replace('\\', '/');
    }

    static void rewriteGzip(Path file, java.util.function.UnaryOperator<String> change) throws IOException {
        String json = gunzip(Files.readAllBytes(file));
        String changed = change.apply(json);
        assertThat(changed).as("the change applies to " + file).isNotEqualTo(json);
        Files.write(file, gzip(changed));
    }

    static String gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static long count(String db, String sql) {
        List<String> rows = rows(db, sql);
        return rows.get(0) == null ? 0 : Long.parseLong(rows.get(0));
    }

    static List<String> rows(String db, String sql) {
        try (Connection c = TestStore.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(sql, e));
        }
    }
}
