package jp.govcloudops.detect.rule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The nodes of the predicate language. */
final class Predicates {

    private Predicates() {
    }

    record All(List<Predicate> parts) implements Predicate {
        @Override
        public boolean test(RecordContext record) {
            for (Predicate p : parts) {
                if (!p.test(record)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Set<String> requiredEventNames() {
            Set<String> smallest = null;
            for (Predicate p : parts) {
                Set<String> names = p.requiredEventNames();
                if (names != null && (smallest == null || names.size() < smallest.size())) {
                    smallest = names;
                }
            }
            return smallest;
        }
    }

    record Any(List<Predicate> parts) implements Predicate {
        @Override
        public boolean test(RecordContext record) {
            for (Predicate p : parts) {
                if (p.test(record)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<String> requiredEventNames() {
            Set<String> union = new HashSet<>();
            for (Predicate p : parts) {
                Set<String> names = p.requiredEventNames();
                if (names == null) {
                    return null;
                }
                union.addAll(names);
            }
            return union;
        }
    }

    record Not(Predicate inner) implements Predicate {
        @Override
        public boolean test(RecordContext record) {
            return !inner.test(record);
        }
    }

    /** Holds when some value of {@code field} passes every test; or, with {@code exists}, on presence alone. */
    record Leaf(FieldPath field, List<FieldPath.ValueTest> tests, Boolean exists, Set<String> equalsValues)
            implements Predicate {
        @Override
        public boolean test(RecordContext record) {
            if (exists != null) {
                boolean present = field.exists(record);
                if (present != exists) {
                    return false;
                }
                if (tests.isEmpty()) {
                    return true;
                }
            }
            if (tests.size() == 1) {
                return field.anyValue(record, tests.get(0));
            }
            return field.anyValue(record, (value, r) -> {
                for (FieldPath.ValueTest t : tests) {
                    if (!t.test(value, r)) {
                        return false;
                    }
                }
                return true;
            });
        }

        @Override
        public Set<String> requiredEventNames() {
            return field.isEventName() && equalsValues != null ? equalsValues : null;
        }
    }

    /** Steps into each element at {@code path} and holds when {@code match} holds for one of them. */
    record AnyItem(FieldPath path, Predicate match) implements Predicate {
        @Override
        public boolean test(RecordContext record) {
            var saved = record.scope;
            try {
                boolean[] found = {false};
                path.forEachNode(record, node -> {
                    if (!node.isObject()) {
                        return false;
                    }
                    record.scope = node;
                    found[0] = match.test(record);
                    record.scope = saved;
                    return found[0];
                });
                return found[0];
            } finally {
                record.scope = saved;
            }
        }
    }

    /**
     * An EC2 permission (security group rule, NACL entry) that opens any of {@code ports}: its protocol is all
     * ({@code -1}/{@code all}), or TCP/UDP with {@code from ≤ port ≤ to}. Fields are read from the current element.
     */
    record PortRange(FieldPath from, FieldPath to, FieldPath protocol, int[] ports) implements Predicate {
        @Override
        public boolean test(RecordContext record) {
            String proto = first(protocol, record);
            if (proto != null && (proto.equals("-1") || proto.equalsIgnoreCase("all"))) {
                return true;
            }
            if (proto != null && !(proto.equalsIgnoreCase("tcp") || proto.equalsIgnoreCase("udp")
                    || proto.equals("6") || proto.equals("17"))) {
                return false;
            }
            Integer low = number(first(from, record));
            Integer high = number(first(to, record));
            if (low == null || high == null) {
                return false;
            }
            if (low == -1 && high == -1) {
                return true;
            }
            for (int port : ports) {
                if (low <= port && port <= high) {
                    return true;
                }
            }
            return false;
        }

        private static String first(FieldPath path, RecordContext record) {
            String[] value = {null};
            path.anyValue(record, (v, r) -> {
                value[0] = v;
                return true;
            });
            return value[0];
        }

        private static Integer number(String text) {
            if (text == null) {
                return null;
            }
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
