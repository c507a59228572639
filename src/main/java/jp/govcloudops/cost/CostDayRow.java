package jp.govcloudops.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One aggregate row of a load: the cost of a UTC day × provider × account × service × region × currency within a
 * billing period, split by whether the charges cover more than a day ({@code periodCharge}).
 */
public record CostDayRow(String billingPeriod, LocalDate day, boolean periodCharge, String provider,
        String accountId, String service, String region, String currency, BigDecimal billedCost,
        BigDecimal effectiveCost, long lineItems) {
}
