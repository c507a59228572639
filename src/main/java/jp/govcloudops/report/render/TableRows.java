package jp.govcloudops.report.render;

import java.util.Iterator;
import java.util.function.UnaryOperator;

import jp.govcloudops.report.document.Table;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

/** Feeds a {@link Table}'s rows to the table template (fields c1..c8 and total). */
final class TableRows implements JRDataSource {

    private final Iterator<Table.Row> rows;
    private final UnaryOperator<String> text;
    private Table.Row current;

    TableRows(Table table, UnaryOperator<String> text) {
        this.rows = table.rows().iterator();
        this.text = text;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            return false;
        }
        current = rows.next();
        return true;
    }

    @Override
    public Object getFieldValue(JRField field) {
        String name = field.getName();
        if (name.equals("total")) {
            return current.total();
        }
        int index = Integer.parseInt(name.substring(1)) - 1;
        return index < current.cells().size() ? text.apply(current.cells().get(index)) : null;
    }
}
