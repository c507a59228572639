package jp.govcloudops.archive.read;

import java.util.List;
import java.util.Locale;

import jp.govcloudops.format.Cidr;
import jp.govcloudops.format.IpLiterals;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.io.api.Binary;

/**
 * One filter of a search. Equality becomes a Parquet filter predicate, which skips row groups by their statistics
 * and dictionaries before any row is decoded; the rest (networks, substrings) is tested on the decoded rows.
 */
public sealed interface Condition {

    /** The columns the condition reads. */
    List<String> columns();

    /** The Parquet predicate, or null when the condition is tested on rows only. */
    FilterPredicate predicate();

    /** Whether a decoded row (with at least {@link #columns()}) matches. */
    boolean test(Group row);

    /** The text column equals the value, in any of the columns. */
    record TextEquals(List<String> columns, String value) implements Condition {
        @Override
        public FilterPredicate predicate() {
            FilterPredicate p = null;
            for (String column : columns) {
                FilterPredicate eq = FilterApi.eq(FilterApi.binaryColumn(column), Binary.fromString(value));
                p = p == null ? eq : FilterApi.or(p, eq);
            }
            return p;
        }

        @Override
        public boolean test(Group row) {
            for (String column : columns) {
                if (value.equals(Rows.text(row, column))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The int column equals the value, in any of the columns. */
    record IntEquals(List<String> columns, int value) implements Condition {
        @Override
        public FilterPredicate predicate() {
            FilterPredicate p = null;
            for (String column : columns) {
                FilterPredicate eq = FilterApi.eq(FilterApi.intColumn(column), value);
                p = p == null ? eq : FilterApi.or(p, eq);
            }
            return p;
        }

        @Override
        public boolean test(Group row) {
            for (String column : columns) {
                if (Integer.valueOf(value).equals(Rows.value(row, column))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The text column holds an IP address inside the network, in any of the columns. */
    record InNetwork(List<String> columns, Cidr network) implements Condition {
        @Override
        public FilterPredicate predicate() {
            return null;
        }

        @Override
        public boolean test(Group row) {
            for (String column : columns) {
                String value = Rows.text(row, column);
                byte[] address = value == null ? null : IpLiterals.bytes(value);
                if (address != null && network.contains(address)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A text column contains the text, ignoring case, in any of the columns. */
    record Contains(List<String> columns, String text) implements Condition {
        @Override
        public FilterPredicate predicate() {
            return null;
        }

        @Override
        public boolean test(Group row) {
            String wanted = text.toLowerCase(Locale.ROOT);
            for (String column : columns) {
                String value = Rows.text(row, column);
                if (value != null && value.toLowerCase(Locale.ROOT).contains(wanted)) {
                    return true;
                }
            }
            return false;
        }
    }
}
