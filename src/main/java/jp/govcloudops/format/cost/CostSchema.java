package jp.govcloudops.format.cost;

/** The column conventions of a cost export, recognised from its header or Parquet schema. */
public enum CostSchema {
    /** FinOps FOCUS 1.0–1.2 (PascalCase names: BilledCost, SubAccountId, ...), from any provider. */
    FOCUS("FOCUS"),
    /** AWS CUR 2.0 (snake_case: line_item_unblended_cost, product map column), also Athena-style CUR names. */
    CUR("CUR 2.0"),
    /** Legacy AWS CUR (lineItem/UnblendedCost, product/region, ...). */
    CUR_LEGACY("legacy CUR");

    private final String label;

    CostSchema(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
