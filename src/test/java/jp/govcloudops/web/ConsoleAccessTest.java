package jp.govcloudops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jp.govcloudops.support.NightFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may reach what, over real HTTP against the started console: every page and action refuses an anonymous user
 * and a 閲覧者 where it must, a 運用者's change is stored with its audit line, secure headers and cookie, CSRF,
 * and the lock-out. One server for the class.
 */
class ConsoleAccessTest {

    @TempDir
    static Path dir;

    static ConsoleServer server;

    @BeforeAll
    static void start() throws Exception {
        // As behind the documented nginx (jobs/nginx): requests without the proxy's headers are served as before.
        server = new ConsoleServer(dir, "--govcloud.web.max-failed-logins=3", "--govcloud.web.forwarded-headers=true");
        server.ingestNight(dir.resolve("logs"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static List<String> pages() {
        long id = server.highFinding;
        return List.of("/", "/findings", "/findings/" + id, "/status", "/cost", "/records", "/reports", "/audit",
                "/admin", "/findings?severity=HIGH&sort=severity&desc=true");
    }

    /** Every action, with a form that would change something if it were accepted. */
    static Map<String, Map<String, String>> actions() {
        return Map.of(
                "/findings/" + server.highFinding + "/status", Map.of("status", "FALSE_POSITIVE", "note", "x"),
                "/records/effort", Map.of("date", "2026-11-02", "hours", "1.5", "category", "定常監視",
                        "person", "誰か"),
                "/records/import", Map.of("kind", "effort"),
                "/reports", Map.of("month", "2026-10", "format", "html"));
    }

    @Test
    void anonymousRequestsGoToTheLoginPageOrAreRefused() throws Exception {
        HttpSession anonymous = new HttpSession(server.base);
        for (String page : pages()) {
            HttpResponse<String> response = anonymous.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }
        assertThat(anonymous.get("/api/findings").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/reports/monthly-report-2026-10.pdf").statusCode()).isEqualTo(302);
        for (var action : actions().entrySet()) {
            // Without a session there is no valid token: refused before anything is read.
            assertThat(anonymous.post(action.getKey(), action.getValue()).statusCode()).as(action.getKey())
                    .isEqualTo(403);
            // With the token of an anonymous session (from the login page): sent to the login page.
            HttpResponse<String> withToken = anonymous.postWithToken("/login", action.getKey(), action.getValue());
            assertThat(withToken.statusCode()).as(action.getKey()).isEqualTo(302);
            assertThat(withToken.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/health").body()).contains("\"UP\"");
        assertThat(anonymous.get("/console/console.css").statusCode()).isEqualTo(200);
        assertUnchanged();
    }

    @Test
    void aViewerReadsEveryPageButChangesNothing() throws Exception {
        HttpSession viewer = HttpSession.signedIn(server.base, ConsoleServer.VIEWER, ConsoleServer.PASSWORD);
        for (String page : pages()) {
            int expected = page.equals("/admin") ? 403 : 200;
            assertThat(viewer.get(page).statusCode()).as(page).isEqualTo(expected);
        }
        assertThat(viewer.get("/api/findings").body()).contains("\"ruleId\":\"root-sign-in\"",
                "\"source\":\"govcloud-ops\"");
        // 検知元 filters by where a finding came from: these are all govcloud-ops' own.
        assertThat(viewer.get("/api/findings?source=govcloud-ops").body()).contains("root-sign-in");
        assertThat(viewer.get("/api/findings?source=guardduty").body()).isEqualTo("[]");
        // No change form is offered to a viewer ...
        String page = viewer.get("/findings/" + server.highFinding).body();
        assertThat(page).doesNotContain("status-form");
        // The page names the finding's origin and the command that lays out its timeline from the archive.
        assertThat(page).contains("<td>govcloud-ops</td>", "govcloud-ops timeline --finding=" + server.highFinding);
        // ... and a forged one, with the session's valid token, is refused.
        for (var action : actions().entrySet()) {
            assertThat(viewer.postWithToken("/findings", action.getKey(), action.getValue()).statusCode())
                    .as(action.getKey()).isEqualTo(403);
        }
        assertUnchanged();
    }

    @Test
    void anOperatorsStatusChangeIsStoredWithItsAuditLine() throws Exception {
        HttpSession operator = HttpSession.signedIn(server.base, ConsoleServer.OPERATOR, ConsoleServer.PASSWORD);
        assertThat(operator.get("/admin").statusCode()).isEqualTo(403);
        // Without the token the change is refused, even signed in.
        assertThat(operator.post("/findings/" + server.lowFinding + "/status", Map.of("status", "RESOLVED"))
                .statusCode()).isEqualTo(403);
        assertThat(server.status(server.lowFinding)).isEqualTo("NEW");

        HttpResponse<String> changed = operator.postWithToken("/findings/" + server.lowFinding,
                "/findings/" + server.lowFinding + "/status", Map.of("status", "MONITORING", "note", "様子を見る"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(server.status(server.lowFinding)).isEqualTo("MONITORING");
        assertThat(server.jdbc().queryForObject("SELECT changed_by FROM finding_status_history WHERE finding_id = ?",
                String.class, server.lowFinding)).isEqualTo(ConsoleServer.OPERATOR);
        Map<String, Object> audit = server.jdbc().queryForMap("SELECT username, address, action, detail"
                + " FROM console_audit WHERE target = ?", "finding:" + server.lowFinding);
        assertThat(audit).containsEntry("USERNAME", ConsoleServer.OPERATOR).containsEntry("ADDRESS", "127.0.0.1")
                .containsEntry("ACTION", "finding.status").containsEntry("DETAIL", "NEW → MONITORING: 様子を見る");
        String page = operator.get("/findings/" + server.lowFinding).body();
        assertThat(page).contains("経過観察").contains("様子を見る").contains(ConsoleServer.OPERATOR);
        assertThat(operator.get("/audit").body()).contains("finding.status").contains("127.0.0.1");

        // An effort entry, as effort add: stored split by 受付時間, linked to the finding, audited.
        assertThat(operator.postWithToken("/records", "/records/effort", Map.of("date", "2026-11-02", "start",
                "17:00", "hours", "2", "category", "アラート対応", "person", "佐藤", "finding",
                Long.toString(server.lowFinding), "note", "調査")).statusCode()).isEqualTo(302);
        Map<String, Object> effort = server.jdbc().queryForMap("SELECT hours, inside_hours, outside_hours, finding_id,"
                + " source_file FROM work_effort WHERE person = '佐藤'");
        assertThat(((java.math.BigDecimal) effort.get("HOURS")).doubleValue()).isEqualTo(2.0);
        assertThat(((java.math.BigDecimal) effort.get("INSIDE_HOURS")).add((java.math.BigDecimal)
                effort.get("OUTSIDE_HOURS")).doubleValue()).isEqualTo(2.0);
        assertThat(effort).containsEntry("FINDING_ID", server.lowFinding).containsEntry("SOURCE_FILE", "effort add");
        assertThat(operator.get("/findings/" + server.lowFinding).body()).contains("調査");
        assertThat(server.jdbc().queryForList("SELECT action FROM console_audit WHERE username = ?", String.class,
                ConsoleServer.OPERATOR)).contains("records.effort-add");
    }

    @Test
    void theIngestionPageShowsTheStoredPartitionsAndEveryQuarantineReason() throws Exception {
        HttpSession viewer = HttpSession.signedIn(server.base, ConsoleServer.VIEWER, ConsoleServer.PASSWORD);
        String page = viewer.get("/status?from=" + NightFixture.FROM + "&to=" + NightFixture.TO).body();
        List<Map<String, Object>> partitions = server.jdbc().queryForList("SELECT DISTINCT account_id, log_type"
                + " FROM log_partition");
        assertThat(partitions).isNotEmpty();
        partitions.forEach(p -> assertThat(page).contains((String) p.get("ACCOUNT_ID"), (String) p.get("LOG_TYPE")));
        List<String> reasons = server.jdbc().queryForList("SELECT DISTINCT reason FROM quarantine", String.class);
        assertThat(reasons).isNotEmpty();
        reasons.forEach(reason -> assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(page)).contains(reason));
        assertThat(viewer.get("/").body()).contains("ログ取込");
    }

    @Test
    void anAdministratorSeesTheUsersButNoPasswordHash() throws Exception {
        HttpSession admin = HttpSession.signedIn(server.base, ConsoleServer.ADMIN, ConsoleServer.PASSWORD);
        String page = admin.get("/admin").body();
        assertThat(page).contains(ConsoleServer.VIEWER, ConsoleServer.OPERATOR, "閲覧者", "運用者");
        assertThat(page).doesNotContain("$2a$");
        // 管理者 may do what 運用者 may.
        assertThat(admin.postWithToken("/findings", "/findings/" + server.mediumFinding + "/status",
                Map.of("status", "RESOLVED")).statusCode()).isEqualTo(302);
        assertThat(server.status(server.mediumFinding)).isEqualTo("RESOLVED");
    }

    @Test
    void aTakenNameAndAShortPasswordAreRefused() {
        var users = server.context.getBean(jp.govcloudops.web.user.ConsoleUsers.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.add(ConsoleServer.VIEWER,
                "another-long-password".toCharArray(), jp.govcloudops.web.user.ConsoleRole.ADMIN, "test", "test"))
                .hasMessageContaining("user '" + ConsoleServer.VIEWER + "' exists");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.add("newcomer", "short".toCharArray(),
                jp.govcloudops.web.user.ConsoleRole.VIEWER, "test", "test")).hasMessageContaining("at least 12");
        assertThat(server.jdbc().queryForObject("SELECT role FROM PUBLIC_AUTH.console_user WHERE username = ?",
                String.class, ConsoleServer.VIEWER)).isEqualTo("VIEWER");
        assertThat(server.jdbc().queryForObject("SELECT COUNT(*) FROM PUBLIC_AUTH.console_user WHERE username ="
                + " 'newcomer'", Integer.class)).isZero();
    }

    @Test
    void theSessionEndsAfterTheConfiguredTimeout() {
        var tomcat = ((org.springframework.boot.tomcat.TomcatWebServer) ((org.springframework.boot.web.server.context
                .WebServerApplicationContext) server.context).getWebServer()).getTomcat();
        org.apache.catalina.Context context = (org.apache.catalina.Context) tomcat.getHost().findChildren()[0];
        assertThat(context.getSessionTimeout()).as("minutes").isEqualTo(30);
    }

    @Test
    void responsesCarrySecureHeadersAndTheSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpSession session = new HttpSession(server.base);
        HttpResponse<String> login = session.get("/login");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        HttpResponse<String> signIn = session.login(ConsoleServer.VIEWER, ConsoleServer.PASSWORD);
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        // The session id changes at sign-in (no fixation) and never appears in a URL.
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("jsessionid");
    }

    @Test
    void repeatedWrongPasswordsLockTheUserEvenAgainstTheRightOne() throws Exception {
        server.context.getBean(jp.govcloudops.web.user.ConsoleUsers.class).add("locked-out",
                ConsoleServer.PASSWORD.toCharArray(), jp.govcloudops.web.user.ConsoleRole.VIEWER, "test", "test");
        HttpSession session = new HttpSession(server.base);
        for (int i = 0; i < 3; i++) {
            assertThat(session.login("locked-out", "wrong-password-" + i).headers().firstValue("Location")
                    .orElse("")).endsWith("/login?error");
        }
        assertThat(session.login("locked-out", ConsoleServer.PASSWORD).headers().firstValue("Location").orElse(""))
                .endsWith("/login?error");
        assertThat(server.jdbc().queryForList("SELECT action FROM console_audit WHERE username = 'locked-out'",
                String.class)).containsSubsequence("login.failed", "login.failed", "login.failed", "user.locked",
                        "login.refused-locked");
        // user passwd unlocks.
        server.context.getBean(jp.govcloudops.web.user.ConsoleUsers.class).changePassword("locked-out",
                (ConsoleServer.PASSWORD + "2").toCharArray(), null, "test", "test");
        assertThat(session.login("locked-out", ConsoleServer.PASSWORD + "2").headers().firstValue("Location")
                .orElse("")).doesNotContain("error");
    }

    @Test
    void behindTheProxyLinksCarryThePathPrefixAndTheAuditNamesTheClient() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().cookieHandler(
                new java.net.CookieManager()).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        java.util.function.Function<String, java.net.http.HttpRequest.Builder> proxied = path ->
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base + path))
                        .header("X-Forwarded-Prefix", "/govcloud-ops").header("X-Forwarded-For", "198.51.100.23")
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "ops.example.jp");
        HttpResponse<String> anonymous = client.send(proxied.apply("/findings").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/govcloud-ops/login");
        HttpResponse<String> loginPage = client.send(proxied.apply("/login").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.body()).contains("action=\"/govcloud-ops/login\"")
                .contains("href=\"/govcloud-ops/console/console.css\"");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(loginPage.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signIn = client.send(proxied.apply("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + ConsoleServer.ADMIN
                        + "&password=" + ConsoleServer.PASSWORD + "&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElse("")).isEqualTo("https://ops.example.jp/govcloud-ops/findings?continue");
        assertThat(server.jdbc().queryForList("SELECT address FROM console_audit WHERE username = ? AND action = 'login'",
                String.class, ConsoleServer.ADMIN)).contains("198.51.100.23");
    }

    private static void assertUnchanged() throws Exception {
        assertThat(server.status(server.highFinding)).isEqualTo("NEW");
        // The forged entry's person; the operator's own entry (another test) is 佐藤.
        assertThat(server.jdbc().queryForObject("SELECT COUNT(*) FROM work_effort WHERE person = '誰か'",
                Integer.class)).isZero();
        assertThat(!Files.exists(server.reports) || Files.list(server.reports).findAny().isEmpty()).isTrue();
    }
}
