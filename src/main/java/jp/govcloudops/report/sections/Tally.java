package jp.govcloudops.report.sections;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sums and distinct counts of one group of rows, for sections that build several tables from the rows of one
 * query (one pass over an hourly table) instead of one query per table. Distinct counts skip nulls, as SQL's
 * COUNT(DISTINCT) does.
 */
final class Tally {

    private long events;
    private long failed;
    private final Map<String, Set<Object>> distinct = new HashMap<>();

    Tally add(long events, boolean failed) {
        this.events += events;
        if (failed) {
            this.failed += events;
        }
        return this;
    }

    Tally distinct(String what, Object value) {
        Set<Object> values = distinct.computeIfAbsent(what, k -> new HashSet<>());
        if (value != null) {
            values.add(value);
        }
        return this;
    }

    long events() {
        return events;
    }

    long failed() {
        return failed;
    }

    long succeeded() {
        return events - failed;
    }

    long count(String what) {
        Set<Object> values = distinct.get(what);
        return values == null ? 0 : values.size();
    }

    /** Groups keyed by a list of values (nulls allowed), in the order they were first seen. */
    static final class Groups {

        private final Map<List<Object>, Tally> groups = new LinkedHashMap<>();

        Tally of(Object... key) {
            return groups.computeIfAbsent(Arrays.asList(key), k -> new Tally());
        }

        /** The groups by events, most first; ties by the key's first value (nulls first), as the SQL ordered them. */
        List<Map.Entry<List<Object>, Tally>> byEventsDescending() {
            List<Map.Entry<List<Object>, Tally>> sorted = new ArrayList<>(groups.entrySet());
            sorted.sort(Comparator.<Map.Entry<List<Object>, Tally>>comparingLong(e -> -e.getValue().events())
                    .thenComparing(e -> (String) e.getKey().get(0), Comparator.nullsFirst(Comparator.naturalOrder())));
            return sorted;
        }

        /** The groups ordered by their keys, value by value (nulls first). */
        List<Map.Entry<List<Object>, Tally>> byKey() {
            List<Map.Entry<List<Object>, Tally>> sorted = new ArrayList<>(groups.entrySet());
            sorted.sort((a, b) -> compareKeys(a.getKey(), b.getKey()));
            return sorted;
        }

        int size() {
            return groups.size();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compareKeys(List<Object> a, List<Object> b) {
            for (int i = 0; i < a.size(); i++) {
                Object x = a.get(i);
                Object y = b.get(i);
                int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : ((Comparable) x).compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }
}
