package jp.govcloudops.format.cost;


/**
 * Collects one row's cells, as the CSV and Parquet readers deliver them, and turns them into a {@link CostLine}.
 * Both readers share it, so a CUR or FOCUS row means the same whether it came as CSV or Parquet.
 *
 * <p>Amortised (effective) cost: FOCUS gives EffectiveCost. CUR has none, so it is derived per line item type the
 * way AWS defines amortised cost: Savings Plan covered usage at its effective cost, the Savings Plan recurring fee
 * as its unused commitment, negations and up-front fees as zero, reserved-instance usage at its effective cost and
 * the RI fee as its unused part; everything else at the unblended cost. When the file lacks a column such a rule
 * needs, the unblended cost stands.
 */
public final class CostRowAssembler {

    private static final int DAY_SECONDS = 86_400;
    /** Effective-cost columns whose text is kept only when it failed to parse as a number. */
    private static final CostField[] UNPARSED_EFFECTIVE = {CostField.SP_EFFECTIVE, CostField.RI_EFFECTIVE};

    private final CostLine line = new CostLine();
    /** Per field ordinal: the decimal slot, null for fields that are not decimal. */
    private final DecimalValue[] decimals = new DecimalValue[CostField.values().length];
    private final String[] texts = new String[CostField.values().length];
    private final long[] times = new long[CostField.values().length];
    private final boolean[] hasColumn = new boolean[CostField.values().length];
    private final DecimalValue billed;
    private final DecimalValue effective;
    private final CostSchema schema;
    private final int fallbackBillingPeriod;
    private String mapRegion;
    private String mapService;

    /**
     * @param binding               the file's columns
     * @param fallbackBillingPeriod the billing period of the export folder the file is in, or -1 (then the charge
     *                              month is used for rows without a billing period)
     */
    public CostRowAssembler(ColumnBinding binding, int fallbackBillingPeriod) {
        this.schema = binding.schema();
        this.fallbackBillingPeriod = fallbackBillingPeriod;
        for (CostField field : CostField.values()) {
            if (field.isDecimal()) {
                decimals[field.ordinal()] = new DecimalValue();
            }
        }
        for (int i = 0; i < binding.columnCount(); i++) {
            CostField field = binding.field(i);
            if (field != null) {
                hasColumn[field.ordinal()] = true;
            }
        }
        billed = decimals[CostField.BILLED.ordinal()];
        effective = decimals[CostField.EFFECTIVE.ordinal()];
    }

    public void start() {
        for (DecimalValue value : decimals) {
            if (value != null) {
                value.clear();
            }
        }
        java.util.Arrays.fill(texts, null);
        java.util.Arrays.fill(times, UtcTimestamps.INVALID);
        mapRegion = null;
        mapService = null;
    }

    /** The slot a decimal field's value goes into. */
    public DecimalValue decimal(CostField field) {
        return decimals[field.ordinal()];
    }

    /** A text cell; null, "" and the literal NULL (as some FOCUS CSVs write it) all mean no value. */
    public void text(CostField field, String value) {
        if (value == null || value.isEmpty() || value.equals("NULL")) {
            return;
        }
        if (field.isDecimal()) {
            if (!decimal(field).parse(value)) {
                texts[field.ordinal()] = value; // kept for the error message
            }
        } else if (field.isTime()) {
            times[field.ordinal()] = UtcTimestamps.parse(value);
            if (times[field.ordinal()] == UtcTimestamps.INVALID) {
                texts[field.ordinal()] = value;
            }
        } else if (field == CostField.PRODUCT_MAP) {
            ProductMapText.read(value, this);
        } else {
            texts[field.ordinal()] = value;
        }
    }

    public void time(CostField field, long epochSecond) {
        times[field.ordinal()] = epochSecond;
    }

    /** A key of the CUR 2.0 product map. */
    public void productAttribute(String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (key.equals("region") || key.equals("region_code")) {
            if (mapRegion == null || key.equals("region_code")) {
                mapRegion = value;
            }
        } else if (key.equals("servicecode")) {
            mapService = value;
        }
    }

    /** Completes the row; returns why it cannot be used, or null when {@link #line()} holds it. */
    public String finish() {
        if (texts[CostField.BILLED.ordinal()] != null) {
            return "cost is not a number: " + texts[CostField.BILLED.ordinal()];
        }
        long start = times[CostField.CHARGE_START.ordinal()];
        long period = times[CostField.BILLING_PERIOD.ordinal()];
        boolean undated = false;
        if (start == UtcTimestamps.INVALID) {
            String raw = texts[CostField.CHARGE_START.ordinal()];
            if (raw != null) {
                return "charge period start is not a timestamp: " + raw;
            }
            if (period == UtcTimestamps.INVALID) {
                return "neither a charge period start nor a billing period";
            }
            // A charge without its own period still belongs to its billing period: dated at the period's start,
            // like a monthly fee, so the period's total stays whole.
            start = period;
            undated = true;
        }
        line.day = Math.floorDiv(start, DAY_SECONDS);
        long end = times[CostField.CHARGE_END.ordinal()];
        line.periodCharge = undated || end != UtcTimestamps.INVALID && end - start > DAY_SECONDS;
        if (period != UtcTimestamps.INVALID) {
            line.billingPeriod = monthOf(period);
        } else if (fallbackBillingPeriod >= 0) {
            line.billingPeriod = fallbackBillingPeriod;
        } else {
            line.billingPeriod = monthOf(start);
        }
        line.provider = schema == CostSchema.FOCUS ? orEmpty(texts[CostField.PROVIDER.ordinal()]) : "AWS";
        line.accountId = orEmpty(texts[CostField.ACCOUNT.ordinal()]);
        line.service = first(texts[CostField.SERVICE.ordinal()], mapService, texts[CostField.SERVICE_FALLBACK.ordinal()]);
        line.region = first(texts[CostField.REGION.ordinal()], mapRegion, texts[CostField.REGION_FALLBACK.ordinal()]);
        line.currency = orEmpty(texts[CostField.CURRENCY.ordinal()]);
        line.billed.set(billed);
        if (!billed.isPresent()) {
            line.billed.set(0, 0);
        }
        if (schema == CostSchema.FOCUS) {
            if (texts[CostField.EFFECTIVE.ordinal()] != null) {
                return "effective cost is not a number: " + texts[CostField.EFFECTIVE.ordinal()];
            }
            if (effective.isPresent()) {
                line.effective.set(effective);
            } else {
                line.effective.set(0, 0);
            }
        } else {
            String problem = amortised();
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String amortised() {
        String type = texts[CostField.LINE_ITEM_TYPE.ordinal()];
        line.effective.set(line.billed);
        if (type == null) {
            return null;
        }
        switch (type) {
            case "SavingsPlanCoveredUsage" -> use(CostField.SP_EFFECTIVE);
            case "SavingsPlanRecurringFee" -> {
                if (has(CostField.SP_TOTAL_COMMITMENT) && has(CostField.SP_USED_COMMITMENT)) {
                    line.effective.setDifference(decimal(CostField.SP_TOTAL_COMMITMENT),
                            decimal(CostField.SP_USED_COMMITMENT));
                }
            }
            case "SavingsPlanNegation", "SavingsPlanUpfrontFee" -> line.effective.set(0, 0);
            case "DiscountedUsage" -> use(CostField.RI_EFFECTIVE);
            case "RIFee" -> {
                if (has(CostField.RI_UNUSED_AMORTIZED) && has(CostField.RI_UNUSED_RECURRING)) {
                    line.effective.setSum(decimal(CostField.RI_UNUSED_AMORTIZED),
                            decimal(CostField.RI_UNUSED_RECURRING));
                }
            }
            case "Fee" -> {
                // The up-front fee of a reservation is spread over its term by the RIFee and DiscountedUsage rows.
                if (texts[CostField.RI_ARN.ordinal()] != null) {
                    line.effective.set(0, 0);
                }
            }
            default -> {
            }
        }
        for (CostField field : UNPARSED_EFFECTIVE) {
            if (texts[field.ordinal()] != null) {
                return field.name().toLowerCase() + " is not a number: " + texts[field.ordinal()];
            }
        }
        return null;
    }

    private void use(CostField field) {
        if (has(field)) {
            line.effective.set(decimal(field));
            if (!decimal(field).isPresent()) {
                line.effective.set(0, 0);
            }
        }
    }

    private boolean has(CostField field) {
        return hasColumn[field.ordinal()];
    }

    public CostLine line() {
        return line;
    }

    /** What the row held, for the quarantine. */
    public String excerpt() {
        return "account=" + orEmpty(texts[CostField.ACCOUNT.ordinal()]) + " service="
                + first(texts[CostField.SERVICE.ordinal()], mapService, texts[CostField.SERVICE_FALLBACK.ordinal()])
                + " cost=" + (texts[CostField.BILLED.ordinal()] != null ? texts[CostField.BILLED.ordinal()] : billed)
                + " start=" + (texts[CostField.CHARGE_START.ordinal()] != null ? texts[CostField.CHARGE_START.ordinal()]
                        : times[CostField.CHARGE_START.ordinal()] == UtcTimestamps.INVALID ? ""
                        : java.time.Instant.ofEpochSecond(times[CostField.CHARGE_START.ordinal()]).toString());
    }

    /** Rows of a file fall in one or two months: the last month's day range is kept to skip the date maths. */
    private long cachedMonthFirstDay = 1;
    private long cachedMonthEndDay = 0;
    private int cachedMonth;

    private int monthOf(long epochSecond) {
        long day = Math.floorDiv(epochSecond, DAY_SECONDS);
        if (day < cachedMonthFirstDay || day >= cachedMonthEndDay) {
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(day).withDayOfMonth(1);
            cachedMonthFirstDay = date.toEpochDay();
            cachedMonthEndDay = date.plusMonths(1).toEpochDay();
            cachedMonth = CostLine.billingPeriod(date.getYear(), date.getMonthValue());
        }
        return cachedMonth;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c != null ? c : "";
    }
}
