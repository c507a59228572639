package jp.govcloudops.web.console.page;

import jp.govcloudops.web.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 操作履歴 ({@code /audit}): the latest lines of the audit log, for every role. */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.latest(500, null));
        return "audit";
    }
}
