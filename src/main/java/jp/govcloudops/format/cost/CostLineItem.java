package jp.govcloudops.format.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A line item to write into a CUR 2.0 or FOCUS export (sample data and test fixtures).
 *
 * @param lineItemType  CUR's line item type: Usage, SavingsPlanCoveredUsage, Tax, Credit, Fee, ...
 * @param unblendedCost the billed cost (CUR line_item_unblended_cost, FOCUS BilledCost)
 * @param effectiveCost the amortised cost (FOCUS EffectiveCost; in CUR the Savings Plan effective cost of covered
 *                      usage, otherwise equal to the unblended cost)
 */
public record CostLineItem(YearMonth billingPeriod, String payerAccountId, String accountId, String accountName,
        String serviceCode, String serviceName, String serviceCategory, String region, String usageType,
        String operation, String lineItemType, Instant start, Instant end, BigDecimal unblendedCost,
        BigDecimal effectiveCost, BigDecimal usageAmount, String currency, String resourceId) {

    /** FOCUS ChargeCategory of the CUR line item type. */
    public String chargeCategory() {
        return switch (lineItemType) {
            case "Usage", "SavingsPlanCoveredUsage", "DiscountedUsage", "SavingsPlanNegation" -> "Usage";
            case "Tax" -> "Tax";
            case "Credit", "Refund" -> "Credit";
            case "Fee", "RIFee", "SavingsPlanRecurringFee", "SavingsPlanUpfrontFee" -> "Purchase";
            default -> "Adjustment";
        };
    }
}
