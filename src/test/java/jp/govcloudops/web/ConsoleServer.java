package jp.govcloudops.web;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingStore;
import jp.govcloudops.config.Severity;
import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogType;
import jp.govcloudops.support.NightFixture;
import jp.govcloudops.web.audit.AuditLog;
import jp.govcloudops.web.console.WebConsole;
import jp.govcloudops.web.user.ConsoleRole;
import jp.govcloudops.web.user.ConsoleUsers;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web console as {@code serve} starts it (the application plus {@link WebConsole}, a servlet context on a free
 * loopback port) on an H2 file store in a temporary directory, with one user per role and three findings stored
 * through the detection's own store. One per test class.
 */
final class ConsoleServer implements AutoCloseable {

    static final String PASSWORD = "correct-horse-battery";
    static final String VIEWER = "etsuran";
    static final String OPERATOR = "unyo";
    static final String ADMIN = "kanri";
    static final LocalDate DAY = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(2);

    final ConfigurableApplicationContext context;
    final String base;
    final String url;
    final Path reports;
    final long highFinding;
    final long lowFinding;
    final long mediumFinding;

    ConsoleServer(Path dir, String... properties) {
        url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        reports = dir.resolve("reports");
        List<String> args = new ArrayList<>(WebConsole.PROPERTIES);
        args.addAll(List.of("--spring.datasource.url=" + url, "--govcloud.web.port=0",
                "--govcloud.report.output-directory=" + reports, "--logging.level.jp.govcloudops=WARN",
                "--govcloud.accounts[0].id=111122223333", "--govcloud.accounts[0].name=生活保護"));
        args.addAll(List.of(properties));
        context = new SpringApplicationBuilder(GovcloudOpsApplication.class, WebConsole.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false).run(args.toArray(new String[0]));
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        ConsoleUsers users = context.getBean(ConsoleUsers.class);
        users.add(VIEWER, PASSWORD.toCharArray(), ConsoleRole.VIEWER, "test", AuditLog.COMMAND_LINE);
        users.add(OPERATOR, PASSWORD.toCharArray(), ConsoleRole.OPERATOR, "test", AuditLog.COMMAND_LINE);
        users.add(ADMIN, PASSWORD.toCharArray(), ConsoleRole.ADMIN, "test", AuditLog.COMMAND_LINE);
        FindingStore findings = context.getBean(FindingStore.class);
        LocalDateTime at = DAY.atTime(3, 15);
        findings.reconcile("cloudtrail", List.of("root-sign-in", "describe-burst", "trail-stopped"), new DetectionWindow(DAY, DAY, 9),
                List.of(finding("fp-root", "root-sign-in", Severity.HIGH, "ルートユーザーのサインイン", at),
                        finding("fp-burst", "describe-burst", Severity.LOW, "参照系 API の急増", at.plusHours(1)),
                        finding("fp-trail", "trail-stopped", Severity.MEDIUM, "証跡の停止", at.plusHours(2))));
        highFinding = jdbc().queryForObject("SELECT id FROM finding WHERE fingerprint = 'fp-root'", Long.class);
        lowFinding = jdbc().queryForObject("SELECT id FROM finding WHERE fingerprint = 'fp-burst'", Long.class);
        mediumFinding = jdbc().queryForObject("SELECT id FROM finding WHERE fingerprint = 'fp-trail'", Long.class);
    }

    private static Finding finding(String fingerprint, String rule, Severity severity, String title,
            LocalDateTime at) {
        return new Finding(fingerprint, rule, "cloudtrail", severity, title, title, DAY, at, at.plusMinutes(5),
                "111122223333", "ap-northeast-1", "arn:aws:iam::111122223333:root", null, "203.0.113.7", null,
                "ConsoleLogin", title + "が検知されました。", "{\"eventName\":\"ConsoleLogin\"}", 1,
                "サインイン元と操作者を確認する。", null);
    }

    /** Ingests the small night of jp.govcloudops.support.NightFixture (with its quarantined records) into the store. */
    void ingestNight(Path logs) throws Exception {
        Path root = NightFixture.write(logs).root();
        IngestParameters p = new IngestParameters(LocalDate.parse(NightFixture.FROM), LocalDate.parse(NightFixture.TO),
                EnumSet.allOf(LogType.class), Set.of(), false, List.of(root.toAbsolutePath().toString()), 1);
        IngestLauncher.Outcome outcome = context.getBean(IngestLauncher.class).run(p, Duration.ofSeconds(30));
        if (outcome.execution().getStatus() != BatchStatus.COMPLETED) {
            throw new AssertionError("ingestion failed: " + outcome.execution().getExitStatus());
        }
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    String status(long finding) {
        return jdbc().queryForObject("SELECT status FROM finding WHERE id = ?", String.class, finding);
    }

    @Override
    public void close() {
        context.close();
    }
}
