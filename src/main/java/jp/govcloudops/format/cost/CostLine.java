package jp.govcloudops.format.cost;

/**
 * One line item reduced to what the aggregates need. The readers reuse a single instance for every row: copy
 * what you keep.
 *
 * <p>Text fields are never null ("" when the export has no value). {@code day} is the UTC day the charge period
 * starts on (epoch day); {@code periodCharge} marks a charge whose period is longer than a day (monthly fees, tax,
 * up-front purchases), which the forecast does not extrapolate. {@code billingPeriod} is year * 12 + month - 1.
 */
public final class CostLine {

    public String provider = "";
    public String accountId = "";
    public String service = "";
    public String region = "";
    public String currency = "";
    public long day;
    public boolean periodCharge;
    public int billingPeriod;
    public final DecimalValue billed = new DecimalValue();
    public final DecimalValue effective = new DecimalValue();

    public static int billingPeriod(int year, int month) {
        return year * 12 + month - 1;
    }

    public static String billingPeriodText(int billingPeriod) {
        int year = Math.floorDiv(billingPeriod, 12);
        int month = Math.floorMod(billingPeriod, 12) + 1;
        return String.format("%04d-%02d", year, month);
    }
}
