package jp.govcloudops.web.console.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.ReportProperties;
import jp.govcloudops.config.WebProperties;
import jp.govcloudops.job.report.ReportLauncher;
import jp.govcloudops.job.report.ReportParameters;
import jp.govcloudops.report.render.ReportFormat;
import jp.govcloudops.web.audit.AuditLog;
import org.springframework.batch.core.BatchStatus;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 報告書 ({@code /reports}): the monthly reports in govcloud.report.output-directory, to download, and a form that
 * makes one for a month (運用者) through the same job as {@code report}.
 */
@Controller
class ReportsController {

    /** The names {@code report} gives its files when no --out is given; nothing else in the folder is served. */
    private static final Pattern REPORT_FILE = Pattern.compile("monthly-report-\\d{4}-\\d{2}\\.(pdf|html|xlsx)");

    record ReportFile(String name, long bytes, LocalDateTime modified) {
    }

    private final ReportLauncher launcher;
    private final ReportProperties reportSettings;
    private final WebProperties webSettings;
    private final AuditLog audit;
    private final GovcloudProperties settings;

    ReportsController(ReportLauncher launcher, ReportProperties reportSettings, WebProperties webSettings,
            AuditLog audit, GovcloudProperties settings) {
        this.settings = settings;
        this.launcher = launcher;
        this.reportSettings = reportSettings;
        this.webSettings = webSettings;
        this.audit = audit;
    }

    @GetMapping("/reports")
    String reports(Model model) throws IOException {
        model.addAttribute("files", files());
        model.addAttribute("lastMonth", YearMonth.now(settings.zone()).minusMonths(1));
        model.addAttribute("formats", List.of("pdf", "html", "xlsx"));
        return "reports";
    }

    @GetMapping("/reports/{name}")
    ResponseEntity<FileSystemResource> download(@PathVariable String name) throws IOException {
        Path file = files().stream().filter(f -> f.name().equals(name)).findFirst()
                .map(f -> reportSettings.outputDirectory().resolve(f.name()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no report " + name));
        MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(new FileSystemResource(file));
    }

    /** Makes a month's report as {@code report --month} does, waiting at most govcloud.web.report-lock-wait. */
    @PostMapping("/reports")
    String make(@RequestParam YearMonth month, @RequestParam(defaultValue = "pdf") String format,
            HttpServletRequest request, RedirectAttributes flash) throws Exception {
        ReportFormat parsed;
        try {
            parsed = ReportFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        Path file = reportSettings.outputDirectory().resolve("monthly-report-" + month + "." + parsed.extension());
        Actor actor = Actor.of(request);
        ReportLauncher.Outcome outcome = launcher.run(new ReportParameters(month, parsed, file,
                reportSettings.s3Prefix(), 1), webSettings.reportLockWait());
        boolean done = outcome.execution().getStatus() == BatchStatus.COMPLETED;
        audit.record(actor.username(), actor.address(), "report.make", "report:" + month,
                parsed.extension() + " " + outcome.execution().getStatus().name() + " (job execution "
                        + outcome.execution().getId() + ")");
        if (done) {
            flash.addFlashAttribute("message", month + " の報告書を作成しました（" + outcome.pages() + " ページ）。");
        } else {
            flash.addFlashAttribute("error", month + " の報告書の作成に失敗しました: " + Optional.ofNullable(
                    outcome.execution().getExitStatus().getExitDescription()).orElse("").lines().findFirst()
                    .orElse(""));
        }
        return "redirect:/reports";
    }

    private List<ReportFile> files() throws IOException {
        Path dir = reportSettings.outputDirectory();
        List<ReportFile> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (REPORT_FILE.matcher(name).matches() && Files.isRegularFile(p)) {
                    found.add(new ReportFile(name, Files.size(p), LocalDateTime.ofInstant(
                            Files.getLastModifiedTime(p).toInstant(), ZoneOffset.UTC)));
                }
            }
        }
        found.sort(Comparator.comparing(ReportFile::name).reversed());
        return found;
    }
}
