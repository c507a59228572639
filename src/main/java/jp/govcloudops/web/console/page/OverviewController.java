package jp.govcloudops.web.console.page;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.calendar.ServiceHours;
import jp.govcloudops.config.CostProperties;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.cost.alert.AccountMonth;
import jp.govcloudops.cost.alert.CostThresholdCheck;
import jp.govcloudops.detect.FindingStatus;
import jp.govcloudops.detect.FindingStore;
import jp.govcloudops.config.Severity;
import jp.govcloudops.store.StatusReport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 概要 ({@code /}): the last runs, open gaps and quarantine, open findings, cost against thresholds. */
@Controller
class OverviewController {

    /** How far back the overview looks for open gaps, quarantine and open findings. */
    static final int DAYS = 30;

    private final RecentRuns runs;
    private final StatusReport status;
    private final FindingStore findings;
    private final CostThresholdCheck cost;
    private final CostProperties costSettings;
    private final GovcloudProperties settings;

    OverviewController(RecentRuns runs, StatusReport status, FindingStore findings, CostThresholdCheck cost,
            CostProperties costSettings, GovcloudProperties settings) {
        this.runs = runs;
        this.status = status;
        this.findings = findings;
        this.cost = cost;
        this.costSettings = costSettings;
        this.settings = settings;
    }

    /** Open findings of one severity, inside and outside 受付時間. */
    record SeverityCount(Severity severity, int inside, int outside, int total) {
    }

    /** An account's month so far against its budget and thresholds. */
    record AccountCost(CostProperties.Account account, AccountMonth month, List<BigDecimal> thresholds,
            boolean crossed) {
    }

    @GetMapping("/")
    String overview(Model model) {
        LocalDate today = LocalDate.now(settings.zone());
        LocalDate from = today.minusDays(DAYS);
        model.addAttribute("runs", runs.latest(3));
        model.addAttribute("gaps", status.gaps(from, today, false));
        model.addAttribute("quarantined", status.partitions(from, today).stream()
                .filter(p -> p.quarantined() > 0 || p.failedObjects() > 0).toList());
        model.addAttribute("findingCounts", openFindings(from, today));
        model.addAttribute("costs", costs(today));
        model.addAttribute("days", DAYS);
        return "overview";
    }

    private List<SeverityCount> openFindings(LocalDate from, LocalDate to) {
        Map<Severity, int[]> counts = new EnumMap<>(Severity.class);
        for (FindingStore.Stored f : findings.list(from, to, Severity.INFORMATIONAL, false)) {
            if (f.status() == FindingStatus.NEW || f.status() == FindingStatus.IN_PROGRESS) {
                int[] c = counts.computeIfAbsent(f.severity(), s -> new int[2]);
                c[f.serviceHours() == ServiceHours.Status.INSIDE ? 0 : 1]++;
            }
        }
        List<SeverityCount> rows = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = severities.length - 1; i >= 0; i--) {
            Severity s = severities[i];
            int[] c = counts.getOrDefault(s, new int[2]);
            rows.add(new SeverityCount(s, c[0], c[1], c[0] + c[1]));
        }
        return rows;
    }

    private List<AccountCost> costs(LocalDate today) {
        List<AccountCost> rows = new ArrayList<>();
        YearMonth month = YearMonth.from(today);
        for (CostProperties.Account account : costSettings.accounts()) {
            AccountMonth figures = cost.figures(account, month, today);
            List<BigDecimal> thresholds = account.notifications().stream()
                    .map(n -> n.thresholdAmount(account.monthlyBudget())).filter(t -> t != null).toList();
            BigDecimal forecast = figures.forecast() != null ? figures.forecast() : figures.monthToDate();
            boolean crossed = thresholds.stream().anyMatch(t -> forecast.compareTo(t) >= 0);
            rows.add(new AccountCost(account, figures, thresholds, crossed));
        }
        return rows;
    }
}
