package jp.govcloudops.cost.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.config.CostProperties;
import jp.govcloudops.cost.MonthForecast;
import jp.govcloudops.cost.store.CostAlertStore;
import jp.govcloudops.cost.store.CostQueries;
import jp.govcloudops.store.MailOutbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Judges every configured account's notification rules for the month of a day, as AWS Budgets does: an ACTUAL
 * rule when the month-to-date billed cost is greater than its threshold, a FORECASTED rule when the month-end
 * forecast is (once enough days are complete). A crossing is latched per account, month and rule in the same
 * transaction that queues its mail, so a re-run or a reprocessed export never sends it again.
 */
@Component
public class CostThresholdCheck {

    private final CostProperties properties;
    private final CostQueries queries;
    private final CostAlertStore alerts;
    private final MailOutbox outbox;
    private final TransactionTemplate transactions;

    public CostThresholdCheck(CostProperties properties, CostQueries queries, CostAlertStore alerts,
            MailOutbox outbox, TransactionTemplate transactions) {
        this.properties = properties;
        this.queries = queries;
        this.alerts = alerts;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** One account's outcome, for the command output. */
    public record AccountResult(CostProperties.Account account, AccountMonth month, List<String> otherCurrencies,
            List<ThresholdCrossing> crossed, List<ThresholdCrossing> queued) {
    }

    public record Result(LocalDate asOf, List<AccountResult> accounts) {

        public int queued() {
            return accounts.stream().mapToInt(a -> a.queued().size()).sum();
        }

        public int crossed() {
            return accounts.stream().mapToInt(a -> a.crossed().size()).sum();
        }
    }

    /** Checks the month of the UTC cost day {@code asOf}, counting cost days up to and including it. */
    public Result run(LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        List<AccountResult> results = new ArrayList<>();
        for (CostProperties.Account account : properties.accounts()) {
            AccountMonth figures = figures(account, month, asOf);
            List<ThresholdCrossing> crossed = new ArrayList<>();
            for (CostProperties.Notification rule : account.notifications()) {
                BigDecimal threshold = rule.thresholdAmount(account.monthlyBudget());
                BigDecimal amount = rule.type() == CostProperties.Kind.ACTUAL ? figures.monthToDate()
                        : forecastIfJudged(figures);
                if (figures.hasData() && threshold != null && amount != null && amount.compareTo(threshold) > 0) {
                    crossed.add(new ThresholdCrossing(account, rule, threshold, amount, figures));
                }
            }
            List<ThresholdCrossing> queued = new ArrayList<>();
            for (ThresholdCrossing crossing : crossed) {
                Boolean isNew = transactions.execute(status -> {
                    boolean latched = alerts.latch(new CostAlertStore.Alert(account.id(), month.toString(),
                            crossing.ruleKey(), crossing.rule().type().name(), crossing.threshold(), crossing.amount(),
                            account.currency(), asOf, crossing.dedupeKey()));
                    if (latched) {
                        outbox.enqueue(ThresholdMail.of(crossing, properties.topServices()));
                    }
                    return latched;
                });
                if (Boolean.TRUE.equals(isNew)) {
                    queued.add(crossing);
                }
            }
            results.add(new AccountResult(account, figures,
                    queries.otherCurrencies(account.id(), month, account.currency()), crossed, queued));
        }
        return new Result(asOf, results);
    }

    public AccountMonth figures(CostProperties.Account account, YearMonth month, LocalDate asOf) {
        LocalDate cutOff = asOf.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : asOf;
        MonthForecast.Window window = queries.completeThrough(account.id(), month)
                .map(end -> MonthForecast.of(month, end, properties.forecastWindowDays())
                        .asOf(cutOff, properties.forecastWindowDays()))
                .orElse(null);
        return AccountMonth.of(month, cutOff, queries.accountMonth(account.id(), month, account.currency(), cutOff),
                window, properties.forecastWindowDays());
    }

    /** FORECASTED rules wait until enough days of the month are complete, like AWS Budgets' history requirement. */
    private BigDecimal forecastIfJudged(AccountMonth figures) {
        if (figures.window() == null || figures.window().completeDays() < properties.forecastMinDays()) {
            return null;
        }
        return figures.forecast();
    }
}
