package jp.govcloudops.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Parameters of {@code IN (...)} lists, and ids in slices small enough for any database's limit on them. */
final class IdBatches {

    private static final int SIZE = 500;

    private IdBatches() {
    }

    static List<List<Long>> of(List<Long> ids) {
        List<List<Long>> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += SIZE) {
            batches.add(ids.subList(i, Math.min(ids.size(), i + SIZE)));
        }
        return batches;
    }

    /** "?, ?, ..." for a batch. */
    static String placeholders(List<Long> batch) {
        return placeholders(batch.size());
    }

    /** "?, ?, ..." for {@code count} parameters. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
