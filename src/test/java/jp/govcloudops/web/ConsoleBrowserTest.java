package jp.govcloudops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jp.govcloudops.support.Ci;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real browser: headless Chromium (the distribution's chromium and chromium-driver, which .ci/run
 * installs) signs in, triages a finding and makes and downloads a monthly report; the store is checked afterwards.
 * Without the browser the test is skipped on a workstation and fails under CI=true.
 * {@code -Dconsole.screenshots=DIR} also saves a screenshot of each main page there (docs/console).
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;

    static ConsoleServer server;
    static WebDriver browser;
    static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && Ci.isCi()) {
            fail("CI=true but " + CHROMIUM + " or " + DRIVER + " is missing (apt-get install chromium chromium-driver)");
        }
        assumeTrue(present, "chromium and chromium-driver are not installed");
        server = new ConsoleServer(dir);
        downloads = Files.createDirectories(dir.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")), "--window-size=1366,900",
                "--lang=ja");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // The driver is given, so Selenium never looks for one to download.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signInTriageAFindingAndDownloadAReport() throws Exception {
        browser.get(server.base + "/findings");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(ConsoleServer.OPERATOR);
        browser.findElement(By.id("password")).sendKeys(ConsoleServer.PASSWORD);
        browser.findElement(By.id("login")).click();
        wait(30).until(d -> d.getCurrentUrl().matches(".*/findings(\\?continue)?"));
        assertThat(browser.findElement(By.id("me")).getText()).contains(ConsoleServer.OPERATOR, "運用者");
        screenshot("findings");

        // Triage: open the HIGH finding, set 対応中 with a note.
        browser.findElement(By.linkText("ルートユーザーのサインイン")).click();
        wait(30).until(d -> d.getCurrentUrl().endsWith("/findings/" + server.highFinding));
        new Select(browser.findElement(By.id("new-status"))).selectByVisibleText("対応中");
        browser.findElement(By.id("note")).sendKeys("サインイン元を管理者に確認中");
        browser.findElement(By.id("change-status")).click();
        wait(30).until(d -> d.findElement(By.id("status")).getText().equals("対応中"));
        assertThat(browser.findElement(By.id("history")).getText()).contains("未対応", "対応中",
                ConsoleServer.OPERATOR, "サインイン元を管理者に確認中");
        screenshot("finding");

        // The store: the finding's status and history, and the audit line naming the user and address.
        assertThat(server.status(server.highFinding)).isEqualTo("IN_PROGRESS");
        assertThat(server.jdbc().queryForObject("SELECT note FROM finding_status_history WHERE finding_id = ?",
                String.class, server.highFinding)).isEqualTo("サインイン元を管理者に確認中");
        assertThat(server.jdbc().queryForMap("SELECT username, address, action FROM console_audit WHERE target = ?",
                "finding:" + server.highFinding)).containsEntry("USERNAME", ConsoleServer.OPERATOR)
                .containsEntry("ADDRESS", "127.0.0.1").containsEntry("ACTION", "finding.status");

        // Make the month's report and download it.
        YearMonth month = YearMonth.from(ConsoleServer.DAY);
        browser.findElement(By.linkText("報告書")).click();
        wait(30).until(d -> d.getCurrentUrl().endsWith("/reports"));
        var monthField = browser.findElement(By.id("report-month"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                monthField, month.toString());
        browser.findElement(By.id("make-report")).click();
        String name = "monthly-report-" + month + ".pdf";
        wait(300).until(d -> !d.findElements(By.linkText(name)).isEmpty());
        screenshot("reports");
        browser.findElement(By.linkText(name)).click();
        Path downloaded = downloads.resolve(name);
        wait(60).until(d -> Files.exists(downloaded) && sizeOf(downloaded) > 0);
        try (PDDocument pdf = Loader.loadPDF(downloaded.toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
        }
        assertThat(Files.mismatch(downloaded, server.reports.resolve(name))).isEqualTo(-1L);
        assertThat(server.jdbc().queryForObject("SELECT COUNT(*) FROM console_audit WHERE action = 'report.make'"
                + " AND username = ? AND detail LIKE 'pdf COMPLETED%'", Integer.class, ConsoleServer.OPERATOR))
                .isEqualTo(1);

        for (String page : List.of("/", "/status", "/cost", "/records", "/audit")) {
            browser.get(server.base + page);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
            screenshot(page.equals("/") ? "overview" : page.substring(1));
        }
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void screenshot(String name) throws Exception {
        String target = System.getProperty("console.screenshots");
        if (target != null) {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(Path.of(target));
            Files.copy(shot.toPath(), Path.of(target, name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
