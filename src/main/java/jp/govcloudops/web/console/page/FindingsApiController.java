package jp.govcloudops.web.console.page;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.detect.FindingStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/findings}: the 検知結果 list as JSON for scripts, with the same filters, login and roles. */
@RestController
class FindingsApiController {

    /** One finding as scripts get it; times are UTC. */
    record FindingJson(long id, String ruleId, String severity, String title, LocalDateTime firstEventAt,
            LocalDateTime lastEventAt, String accountId, String region, String principal, String sourceIp,
            String eventNames, long matchCount, String serviceHours, String status, String statusNote,
            LocalDate eventDay, String source, String alsoIn) {

        static FindingJson of(FindingStore.Stored f) {
            return new FindingJson(f.id(), f.ruleId(), f.severity().name(), f.titleJa(), f.firstEventAt(),
                    f.lastEventAt(), f.accountId(), f.region(), f.principal(), f.sourceIp(), f.eventNames(),
                    f.matchCount(), f.serviceHours().name(), f.status().name(), f.statusNote(), f.eventDay(),
                    f.source(), f.alsoIn());
        }
    }

    private final FindingStore findings;
    private final GovcloudProperties settings;

    FindingsApiController(FindingStore findings, GovcloudProperties settings) {
        this.findings = findings;
        this.settings = settings;
    }

    @GetMapping("/api/findings")
    List<FindingJson> list(@ModelAttribute FindingFilter filter) {
        filter.defaultPeriod(LocalDate.now(settings.zone()), FindingsController.DEFAULT_DAYS);
        return filter.apply(findings).stream().map(FindingJson::of).toList();
    }
}
