package jp.govcloudops.cost;

import java.time.LocalDate;

/**
 * What a load holds for one billing period.
 *
 * @param billingPeriod  'YYYY-MM'
 * @param lastUsageDay   the latest UTC day with a charge of a day or less (usage), or null when there is none
 * @param lineItems      line items of the period in the load
 */
public record PeriodSummary(String billingPeriod, LocalDate lastUsageDay, long lineItems) {
}
