package jp.govcloudops.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jp.govcloudops.store.ObjectContribution;

/** Rows for one table collected as they come: for per-object inputs kept one row per record. */
public final class TableRows implements ObjectContribution {

    private final String table;
    private final List<String> columns;
    private final int maxTextLength;
    private final List<Object[]> rows = new ArrayList<>();

    public TableRows(String table, List<String> columns, int maxTextLength) {
        this.table = table;
        this.columns = columns;
        this.maxTextLength = maxTextLength;
    }

    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void forEachRow(Consumer<Object[]> row) {
        rows.forEach(row);
    }

    @Override
    public int rowCount() {
        return rows.size();
    }

    @Override
    public int maxTextLength() {
        return maxTextLength;
    }

    /** A value cut to a column's width. */
    public static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
