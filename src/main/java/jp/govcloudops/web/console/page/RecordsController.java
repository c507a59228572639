package jp.govcloudops.web.console.page;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import jp.govcloudops.records.OperatorRecordsImport;
import jp.govcloudops.records.OperatorRecordsQuery;
import jp.govcloudops.records.RecordImportException;
import jp.govcloudops.records.WorkCategory;
import jp.govcloudops.records.WorkEffort;
import jp.govcloudops.web.audit.AuditLog;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 作業工数・障害・問合せ・課題 ({@code /records}): the latest operator records, a form equivalent to {@code effort add}
 * and a file form equivalent to the import commands ({@code effort|incident|inquiry|risk import}).
 */
@Controller
class RecordsController {

    private static final int LATEST = 50;

    /** What the imported file's name may be: it names the import, and a later file of the same name replaces it. */
    private static final Pattern FILE_NAME = Pattern.compile("[\\p{L}\\p{N}._ -]{1,200}");

    enum Kind {
        effort, incidents, inquiries, risks
    }

    private final OperatorRecordsQuery query;
    private final OperatorRecordsImport imports;
    private final AuditLog audit;

    RecordsController(OperatorRecordsQuery query, OperatorRecordsImport imports, AuditLog audit) {
        this.query = query;
        this.imports = imports;
        this.audit = audit;
    }

    @GetMapping("/records")
    String records(Model model) {
        model.addAttribute("effort", query.latestEffort(LATEST));
        model.addAttribute("incidents", query.latestIncidents(LATEST));
        model.addAttribute("inquiries", query.latestInquiries(LATEST));
        model.addAttribute("risks", query.latestRisks(LATEST));
        model.addAttribute("categories", WorkCategory.labels());
        model.addAttribute("kinds", Kind.values());
        return "records";
    }

    /** As {@code effort add}: one work-effort entry, split by 受付時間 when a start time is given. */
    @PostMapping("/records/effort")
    String addEffort(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime start,
            @RequestParam BigDecimal hours, @RequestParam String category, @RequestParam String person,
            @RequestParam(required = false) Long finding, @RequestParam(required = false) String note,
            HttpServletRequest request, RedirectAttributes flash) {
        WorkCategory parsed = WorkCategory.fromLabel(category).orElse(null);
        if (parsed == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0
                || person.isBlank() || person.length() > 200) {
            flash.addFlashAttribute("error", "入力に誤りがあります（区分、0より大きく24以下の時間、担当者を確認してください）。");
            return "redirect:/records";
        }
        Actor actor = Actor.of(request);
        WorkEffort effort = new WorkEffort(date, start, hours.setScale(2, RoundingMode.HALF_UP), parsed,
                person.strip(), finding, null, FindingsController.blankToNull(note), 0);
        imports.addEffort(effort);
        audit.record(actor.username(), actor.address(), "records.effort-add", finding == null ? null
                : FindingsController.target(finding), date + " " + hours + "h " + parsed.label() + " " + person);
        flash.addFlashAttribute("message", "作業実績を登録しました。");
        return "redirect:/records";
    }

    /** As the import commands: the file is read under its own name, so importing it again replaces it. */
    @PostMapping("/records/import")
    String importFile(@RequestParam Kind kind, @RequestParam MultipartFile file,
            @RequestParam(defaultValue = "UTF-8") String encoding, HttpServletRequest request,
            RedirectAttributes flash) throws IOException {
        String name = file.getOriginalFilename() == null ? "" : Path.of(file.getOriginalFilename()).getFileName()
                .toString();
        if (!FILE_NAME.matcher(name).matches() || !Charset.isSupported(encoding)) {
            flash.addFlashAttribute("error", "ファイル名または文字コードが不正です。");
            return "redirect:/records";
        }
        Path dir = Files.createTempDirectory("govcloud-records");
        try {
            Path copy = dir.resolve(name);
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Charset charset = Charset.forName(encoding);
            OperatorRecordsImport.Outcome outcome = switch (kind) {
                case effort -> imports.importEffort(copy, charset);
                case incidents -> imports.importIncidents(copy, charset);
                case inquiries -> imports.importInquiries(copy, charset);
                case risks -> imports.importRisks(copy, charset);
            };
            Actor actor = Actor.of(request);
            audit.record(actor.username(), actor.address(), "records.import", kind.name() + ":" + name,
                    outcome.imported() + " rows" + (outcome.replaced() > 0 ? ", " + outcome.replaced() + " replaced"
                            : ""));
            flash.addFlashAttribute("message", name + ": " + outcome.imported() + " 件を取り込みました。");
        } catch (RecordImportException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
        return "redirect:/records";
    }
}
