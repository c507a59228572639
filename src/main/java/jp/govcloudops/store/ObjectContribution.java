package jp.govcloudops.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * Rows that one object adds to one store table. The store writes them with the object's manifest id in the same
 * transaction as its manifest row, so an object's contribution is all there or not at all, and can be removed
 * on its own when the object changes or its partition is reprocessed.
 */
public interface ObjectContribution {

    /** Table the rows go to; it has {@code object_id} and {@code partition_id} besides {@link #columns()}. */
    String table();

    List<String> columns();

    /** Each row's values, in {@link #columns()} order. */
    void forEachRow(Consumer<Object[]> row);

    int rowCount();

    /** Longest text value stored; longer ones are cut. Tables with a wider column (raw records) say so here. */
    default int maxTextLength() {
        return 1024;
    }
}
