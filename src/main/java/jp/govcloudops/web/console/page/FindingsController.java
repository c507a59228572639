package jp.govcloudops.web.console.page;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import jp.govcloudops.calendar.ServiceHours;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.detect.FindingStatus;
import jp.govcloudops.detect.FindingStore;
import jp.govcloudops.config.Severity;
import jp.govcloudops.records.OperatorRecordsQuery;
import jp.govcloudops.web.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 検知結果: the filterable list ({@code /findings}), a finding's page and its status form. */
@Controller
class FindingsController {

    static final int DEFAULT_DAYS = 30;

    private final FindingStore findings;
    private final OperatorRecordsQuery records;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final GovcloudProperties settings;

    FindingsController(FindingStore findings, OperatorRecordsQuery records, AuditLog audit,
            TransactionTemplate transactions, GovcloudProperties settings) {
        this.findings = findings;
        this.records = records;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
    }

    @GetMapping("/findings")
    String list(@ModelAttribute("filter") FindingFilter filter, Model model) {
        filter.defaultPeriod(LocalDate.now(settings.zone()), DEFAULT_DAYS);
        model.addAttribute("findings", filter.apply(findings));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("hours", ServiceHours.Status.values());
        model.addAttribute("sorts", FindingFilter.SORTS);
        return "findings";
    }

    @GetMapping("/findings/{id}")
    String show(@PathVariable long id, Model model) {
        FindingStore.Stored finding = findings.get(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no finding " + id));
        model.addAttribute("f", finding);
        model.addAttribute("history", findings.history(id));
        model.addAttribute("effort", records.effortForFinding(id));
        model.addAttribute("audit", audit.latest(50, target(id)));
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("account", Optional.ofNullable(finding.accountId()).map(settings::accountName).orElse(""));
        return "finding";
    }

    /** The status form (運用者 and above): the change, its note and the audit line commit together. */
    @PostMapping("/findings/{id}/status")
    String setStatus(@PathVariable long id, @RequestParam FindingStatus status,
            @RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes flash) {
        Actor actor = Actor.of(request);
        try {
            FindingStatus previous = transactions.execute(tx -> {
                FindingStatus before = findings.setStatus(id, status, blankToNull(note), actor.username());
                audit.record(actor.username(), actor.address(), "finding.status", target(id),
                        before.name() + " → " + status.name() + (blankToNull(note) == null ? "" : ": " + note));
                return before;
            });
            flash.addFlashAttribute("message", "状態を " + previous.label() + " から " + status.label() + " に変更しました。");
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "redirect:/findings/" + id;
    }

    static String target(long id) {
        return "finding:" + id;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
