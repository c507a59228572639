package jp.govcloudops.pipeline;

import java.io.PrintWriter;
import java.time.LocalDate;

import jp.govcloudops.config.CostProperties;
import jp.govcloudops.cost.alert.CostCheckReport;
import jp.govcloudops.cost.alert.CostThresholdCheck;
import jp.govcloudops.cost.alert.ThresholdCrossing;
import org.springframework.stereotype.Component;

/**
 * The nightly threshold check, after the cost ingest and before the mail stage sends what it queued. The night's
 * day D counts as the cost day D (UTC): the month of D, with cost days up to D.
 */
@Component
public class CostCheckStage implements Stage {

    private final CostThresholdCheck check;
    private final CostProperties properties;

    public CostCheckStage(CostThresholdCheck check, CostProperties properties) {
        this.check = check;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "cost-check";
    }

    @Override
    public int run(LocalDate day, PrintWriter out) {
        if (properties.accounts().isEmpty()) {
            return ExitCodes.OK;
        }
        CostCheckReport.print(check.run(day), out);
        return ExitCodes.OK;
    }

    /** Checks each day in turn, as the nights would have: prints the notices as they arise, then the last day. */
    @Override
    public int runRange(LocalDate from, LocalDate to, PrintWriter out) {
        if (properties.accounts().isEmpty()) {
            return ExitCodes.OK;
        }
        CostThresholdCheck.Result last = null;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            last = check.run(day);
            for (CostThresholdCheck.AccountResult account : last.accounts()) {
                for (ThresholdCrossing crossing : account.queued()) {
                    out.printf("cost-check %s: %s %s %s -> notification queued%n", day, crossing.account().id(),
                            crossing.account().name(), crossing.ruleKey());
                }
            }
        }
        if (last != null) {
            CostCheckReport.print(last, out);
        }
        return ExitCodes.OK;
    }
}
