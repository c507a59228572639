package jp.govcloudops.detect.flow;

import java.util.List;
import java.util.function.Consumer;

import jp.govcloudops.store.ObjectContribution;

/** The rows a summary hands over for one object, in the order of {@code columns}. */
public record SummaryRows(String table, List<String> columns, List<Object[]> rows) implements ObjectContribution {

    @Override
    public void forEachRow(Consumer<Object[]> row) {
        rows.forEach(row);
    }

    @Override
    public int rowCount() {
        return rows.size();
    }
}
