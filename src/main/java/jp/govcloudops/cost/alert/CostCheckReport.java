package jp.govcloudops.cost.alert;

import java.io.PrintWriter;

/** Prints a threshold check the way nightly and cost-check show it. */
public final class CostCheckReport {

    private CostCheckReport() {
    }

    public static void print(CostThresholdCheck.Result result, PrintWriter out) {
        out.printf("cost-check %s: %d accounts, %d thresholds crossed, %d notifications queued%n", result.asOf(),
                result.accounts().size(), result.crossed(), result.queued());
        for (CostThresholdCheck.AccountResult a : result.accounts()) {
            AccountMonth m = a.month();
            String currency = a.account().currency();
            if (!m.hasData()) {
                out.printf("  %s %s (%s): no cost data for %s%n", a.account().id(), a.account().name(),
                        a.account().system(), m.month());
                continue;
            }
            out.printf("  %s %s (%s) %s: month-to-date %s, forecast %s (%d complete days)%s%n", a.account().id(),
                    a.account().name(), a.account().system(), m.month(), Money.format(m.monthToDate(), currency),
                    m.forecast() == null ? "-" : Money.format(m.forecast(), currency),
                    m.window() == null ? 0 : m.window().completeDays(),
                    a.otherCurrencies().isEmpty() ? "" : "; also cost in " + String.join(", ", a.otherCurrencies())
                            + " (not compared with the " + currency + " budget)");
            for (ThresholdCrossing c : a.crossed()) {
                out.printf("    %s: %s > %s%s%n", c.ruleKey(), Money.format(c.amount(), currency),
                        Money.format(c.threshold(), currency), a.queued().contains(c) ? " -> notification queued"
                                : " (notified before)");
            }
        }
    }
}
