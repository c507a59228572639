package jp.govcloudops.report.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A table of text cells (already formatted) with up to {@link #MAX_COLUMNS} columns. */
public final class Table {

    public static final int MAX_COLUMNS = 8;

    public enum Align { LEFT, CENTER, RIGHT }

    /** A column: its header, its share of the page width, and how its cells align. */
    public record Column(String header, int weight, Align align) {

        public static Column text(String header, int weight) {
            return new Column(header, weight, Align.LEFT);
        }

        public static Column number(String header, int weight) {
            return new Column(header, weight, Align.RIGHT);
        }

        public static Column centered(String header, int weight) {
            return new Column(header, weight, Align.CENTER);
        }
    }

    public record Row(List<String> cells, boolean total) {
    }

    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();

    public Table(Column... columns) {
        if (columns.length == 0 || columns.length > MAX_COLUMNS) {
            throw new IllegalArgumentException("a table has 1 to " + MAX_COLUMNS + " columns, not " + columns.length);
        }
        this.columns = List.of(columns);
    }

    public Table row(Object... cells) {
        return add(false, cells);
    }

    /** A totals row, printed in bold on a shaded background. */
    public Table totalRow(Object... cells) {
        return add(true, cells);
    }

    private Table add(boolean total, Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + columns.size()
                    + " columns: " + Arrays.toString(cells));
        }
        rows.add(new Row(Arrays.stream(cells).map(c -> c == null ? "" : c.toString()).toList(), total));
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Identifies the column geometry, so tables of the same shape share one compiled template. */
    public String layoutKey() {
        return columns.stream().map(c -> c.weight() + c.align().name().substring(0, 1)).collect(Collectors.joining("-"));
    }
}
