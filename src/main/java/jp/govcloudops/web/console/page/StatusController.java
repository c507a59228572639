package jp.govcloudops.web.console.page;

import java.time.LocalDate;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.store.StatusReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** データ取込 ({@code /status}): what {@code status} prints, per day × account × region × log type. */
@Controller
class StatusController {

    /** Quarantine rows shown; the rest are in the store (query: quarantine). */
    static final int QUARANTINE_ROWS = 500;

    private final StatusReport status;
    private final GovcloudProperties settings;

    StatusController(StatusReport status, GovcloudProperties settings) {
        this.status = status;
        this.settings = settings;
    }

    @GetMapping("/status")
    String status(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean resolved, Model model) {
        LocalDate last = to != null ? to : LocalDate.now(settings.zone());
        LocalDate first = from != null ? from : last.minusDays(6);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("resolved", resolved);
        model.addAttribute("partitions", status.partitions(first, last));
        model.addAttribute("empty", status.emptyObjects(first, last));
        model.addAttribute("gaps", status.gaps(first, last, resolved));
        model.addAttribute("quarantine", status.quarantine(first, last, QUARANTINE_ROWS));
        model.addAttribute("quarantineRows", QUARANTINE_ROWS);
        return "status";
    }
}
