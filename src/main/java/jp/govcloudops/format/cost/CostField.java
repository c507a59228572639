package jp.govcloudops.format.cost;

/** What a column of a cost export means to the aggregates, whichever schema named it. */
public enum CostField {
    PROVIDER,
    ACCOUNT,
    SERVICE,
    /** CUR's line_item_product_code: the service when product_servicecode is empty. */
    SERVICE_FALLBACK,
    REGION,
    /** CUR's product_region (legacy/Athena) or FOCUS RegionName: the region when the primary one is empty. */
    REGION_FALLBACK,
    CURRENCY,
    CHARGE_START,
    CHARGE_END,
    BILLING_PERIOD,
    BILLED,
    /** FOCUS EffectiveCost. CUR has no single column: see {@link CostRowAssembler}. */
    EFFECTIVE,
    /** CUR 2.0 product map column (region, servicecode). */
    PRODUCT_MAP,
    LINE_ITEM_TYPE,
    RI_EFFECTIVE,
    RI_UNUSED_AMORTIZED,
    RI_UNUSED_RECURRING,
    RI_ARN,
    SP_EFFECTIVE,
    SP_TOTAL_COMMITMENT,
    SP_USED_COMMITMENT;

    public boolean isDecimal() {
        return switch (this) {
            case BILLED, EFFECTIVE, RI_EFFECTIVE, RI_UNUSED_AMORTIZED, RI_UNUSED_RECURRING, SP_EFFECTIVE,
                    SP_TOTAL_COMMITMENT, SP_USED_COMMITMENT -> true;
            default -> false;
        };
    }

    public boolean isTime() {
        return this == CHARGE_START || this == CHARGE_END || this == BILLING_PERIOD;
    }
}
