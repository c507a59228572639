package jp.govcloudops.format.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column holds which {@link CostField}, decided from the column names alone. FOCUS names are matched without
 * regard to case (Athena lower-cases them); legacy CUR names ({@code lineItem/UnblendedCost}) are turned into their
 * CUR 2.0 / Athena form ({@code line_item_unblended_cost}) first, so one table serves CUR 2.0, Athena-style and
 * legacy CUR.
 */
public final class ColumnBinding {

    private static final Map<String, CostField> FOCUS_COLUMNS = new LinkedHashMap<>();
    private static final Map<String, CostField> CUR_COLUMNS = new LinkedHashMap<>();
    private static final List<List<String>> FOCUS_REQUIRED = List.of(List.of("BilledCost"), List.of("EffectiveCost"),
            List.of("BillingCurrency"), List.of("ChargePeriodStart"), List.of("SubAccountId"), List.of("ServiceName"),
            List.of("ProviderName", "ServiceProviderName"));
    private static final List<List<String>> CUR_REQUIRED = List.of(List.of("line_item_unblended_cost"),
            List.of("line_item_usage_account_id"), List.of("line_item_usage_start_date"),
            List.of("line_item_currency_code"), List.of("line_item_product_code"));

    static {
        FOCUS_COLUMNS.put("providername", CostField.PROVIDER);
        FOCUS_COLUMNS.put("serviceprovidername", CostField.PROVIDER);
        FOCUS_COLUMNS.put("subaccountid", CostField.ACCOUNT);
        FOCUS_COLUMNS.put("servicename", CostField.SERVICE);
        FOCUS_COLUMNS.put("regionid", CostField.REGION);
        FOCUS_COLUMNS.put("regionname", CostField.REGION_FALLBACK);
        FOCUS_COLUMNS.put("billingcurrency", CostField.CURRENCY);
        FOCUS_COLUMNS.put("chargeperiodstart", CostField.CHARGE_START);
        FOCUS_COLUMNS.put("chargeperiodend", CostField.CHARGE_END);
        FOCUS_COLUMNS.put("billingperiodstart", CostField.BILLING_PERIOD);
        FOCUS_COLUMNS.put("billedcost", CostField.BILLED);
        FOCUS_COLUMNS.put("effectivecost", CostField.EFFECTIVE);

        CUR_COLUMNS.put("line_item_usage_account_id", CostField.ACCOUNT);
        CUR_COLUMNS.put("product_servicecode", CostField.SERVICE);
        CUR_COLUMNS.put("line_item_product_code", CostField.SERVICE_FALLBACK);
        CUR_COLUMNS.put("product_region_code", CostField.REGION);
        CUR_COLUMNS.put("product_region", CostField.REGION_FALLBACK);
        CUR_COLUMNS.put("product", CostField.PRODUCT_MAP);
        CUR_COLUMNS.put("line_item_currency_code", CostField.CURRENCY);
        CUR_COLUMNS.put("line_item_usage_start_date", CostField.CHARGE_START);
        CUR_COLUMNS.put("line_item_usage_end_date", CostField.CHARGE_END);
        CUR_COLUMNS.put("bill_billing_period_start_date", CostField.BILLING_PERIOD);
        CUR_COLUMNS.put("line_item_unblended_cost", CostField.BILLED);
        CUR_COLUMNS.put("line_item_line_item_type", CostField.LINE_ITEM_TYPE);
        CUR_COLUMNS.put("reservation_effective_cost", CostField.RI_EFFECTIVE);
        CUR_COLUMNS.put("reservation_unused_amortized_upfront_fee_for_billing_period", CostField.RI_UNUSED_AMORTIZED);
        CUR_COLUMNS.put("reservation_unused_recurring_fee", CostField.RI_UNUSED_RECURRING);
        CUR_COLUMNS.put("reservation_reservation_a_r_n", CostField.RI_ARN);
        CUR_COLUMNS.put("savings_plan_savings_plan_effective_cost", CostField.SP_EFFECTIVE);
        CUR_COLUMNS.put("savings_plan_total_commitment_to_date", CostField.SP_TOTAL_COMMITMENT);
        CUR_COLUMNS.put("savings_plan_used_commitment", CostField.SP_USED_COMMITMENT);
    }

    private final CostSchema schema;
    private final CostField[] fields;

    private ColumnBinding(CostSchema schema, CostField[] fields) {
        this.schema = schema;
        this.fields = fields;
    }

    public CostSchema schema() {
        return schema;
    }

    /** The field of column {@code index}, or null when the aggregates do not use that column. */
    public CostField field(int index) {
        return index < fields.length ? fields[index] : null;
    }

    public int columnCount() {
        return fields.length;
    }


    /**
     * Binds the columns of a file, or throws {@link CostSchemaException} naming the columns that are missing.
     *
     * @param columns the header (CSV) or top-level field names (Parquet), in order
     * @param file    the file's name, for the message
     */
    public static ColumnBinding of(List<String> columns, String file) {
        List<String> lower = new ArrayList<>(columns.size());
        List<String> curNames = new ArrayList<>(columns.size());
        boolean legacy = false;
        for (String raw : columns) {
            String name = raw == null ? "" : raw.strip();
            if (name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            lower.add(name.toLowerCase(Locale.ROOT));
            if (name.contains("/")) {
                legacy = true;
                curNames.add(legacyToSnake(name));
            } else {
                curNames.add(name.toLowerCase(Locale.ROOT));
            }
        }
        boolean focusLike = lower.stream().anyMatch(n -> n.equals("billedcost") || n.equals("chargeperiodstart")
                || n.equals("effectivecost") || n.equals("subaccountid"));
        boolean curLike = curNames.stream().anyMatch(n -> n.startsWith("line_item_"));
        List<String> focusMissing = missing(FOCUS_REQUIRED, new LinkedHashSet<>(lower), true);
        List<String> curMissing = missing(CUR_REQUIRED, new LinkedHashSet<>(curNames), false);
        if (focusLike && focusMissing.isEmpty()) {
            return bind(CostSchema.FOCUS, lower, FOCUS_COLUMNS);
        }
        if (curLike && curMissing.isEmpty()) {
            return bind(legacy ? CostSchema.CUR_LEGACY : CostSchema.CUR, curNames, CUR_COLUMNS);
        }
        if (focusLike && !curLike) {
            throw new CostSchemaException(file, "a FOCUS file without the columns " + String.join(", ", focusMissing));
        }
        if (curLike && !focusLike) {
            throw new CostSchemaException(file, "a " + (legacy ? "legacy CUR" : "CUR") + " file without the columns "
                    + String.join(", ", curMissing) + (legacy ? " (in legacy form, e.g. lineItem/UnblendedCost)" : ""));
        }
        throw new CostSchemaException(file, "neither a FOCUS nor a CUR export: FOCUS needs "
                + String.join(", ", focusMissing) + "; CUR needs " + String.join(", ", curMissing) + " (found "
                + columns.size() + " columns" + (columns.isEmpty() ? "" : ": " + preview(columns)) + ")");
    }

    private static ColumnBinding bind(CostSchema schema, List<String> names, Map<String, CostField> table) {
        CostField[] fields = new CostField[names.size()];
        Set<CostField> seen = new LinkedHashSet<>();
        // ProviderName wins over ServiceProviderName when a file has both (FOCUS 1.3 keeps the old column).
        for (String preferred : List.of("providername")) {
            int index = names.indexOf(preferred);
            if (index >= 0 && table.containsKey(preferred)) {
                fields[index] = table.get(preferred);
                seen.add(table.get(preferred));
            }
        }
        for (int i = 0; i < names.size(); i++) {
            CostField field = table.get(names.get(i));
            if (field != null && fields[i] == null && seen.add(field)) {
                fields[i] = field;
            }
        }
        return new ColumnBinding(schema, fields);
    }

    private static List<String> missing(List<List<String>> required, Set<String> present, boolean caseInsensitive) {
        List<String> missing = new ArrayList<>();
        for (List<String> alternatives : required) {
            boolean found = alternatives.stream()
                    .anyMatch(a -> present.contains(caseInsensitive ? a.toLowerCase(Locale.ROOT) : a));
            if (!found) {
                missing.add(String.join(" or ", alternatives));
            }
        }
        return missing;
    }

    /** {@code lineItem/UnblendedCost} → {@code line_item_unblended_cost}, the way Athena and CUR 2.0 name it. */
    static String legacyToSnake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (String part : name.split("/")) {
            if (out.length() > 0) {
                out.append('_');
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (Character.isUpperCase(c)) {
                    if (i > 0) {
                        out.append('_');
                    }
                    out.append(Character.toLowerCase(c));
                } else if (c == ':' || c == ' ' || c == '-') {
                    out.append('_');
                } else {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static String preview(List<String> columns) {
        List<String> head = columns.size() > 8 ? columns.subList(0, 8) : columns;
        return String.join(", ", head) + (columns.size() > 8 ? ", ..." : "");
    }
}
