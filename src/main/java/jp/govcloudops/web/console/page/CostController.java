package jp.govcloudops.web.console.page;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.config.CostProperties;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.cost.alert.AccountMonth;
import jp.govcloudops.cost.alert.CostThresholdCheck;
import jp.govcloudops.cost.store.CostAlertStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 利用料 ({@code /cost}): each account's month by service and day, its thresholds, and the mails sent. */
@Controller
class CostController {

    private final CostThresholdCheck check;
    private final CostAlertStore alerts;
    private final CostProperties costSettings;
    private final GovcloudProperties settings;

    CostController(CostThresholdCheck check, CostAlertStore alerts, CostProperties costSettings,
            GovcloudProperties settings) {
        this.check = check;
        this.alerts = alerts;
        this.costSettings = costSettings;
        this.settings = settings;
    }

    /** One threshold rule of an account, as an amount in the account's currency. */
    record Threshold(String kind, BigDecimal amount) {
    }

    record AccountView(CostProperties.Account account, AccountMonth month, List<Threshold> thresholds,
            BigDecimal dayMax) {
    }

    @GetMapping("/cost")
    String cost(@RequestParam(required = false) YearMonth month, Model model) {
        LocalDate today = LocalDate.now(settings.zone());
        YearMonth shown = month != null ? month : YearMonth.from(today);
        LocalDate asOf = shown.equals(YearMonth.from(today)) ? today : shown.atEndOfMonth();
        List<AccountView> accounts = new ArrayList<>();
        for (CostProperties.Account account : costSettings.accounts()) {
            AccountMonth figures = check.figures(account, shown, asOf);
            List<Threshold> thresholds = new ArrayList<>();
            for (CostProperties.Notification n : account.notifications()) {
                BigDecimal amount = n.thresholdAmount(account.monthlyBudget());
                if (amount != null) {
                    thresholds.add(new Threshold(n.type().name(), amount));
                }
            }
            BigDecimal max = figures.byDay().values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
            accounts.add(new AccountView(account, figures, thresholds,
                    max.signum() > 0 ? max : BigDecimal.ONE));
        }
        model.addAttribute("month", shown);
        model.addAttribute("accounts", accounts);
        model.addAttribute("alerts", alerts.alerts(shown));
        return "cost";
    }
}
