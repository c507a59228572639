package jp.govcloudops.detect.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jp.govcloudops.format.CidrTable;

/**
 * Compiles the YAML form of a predicate. A mapping is the conjunction of its entries; each entry is a structure
 * keyword ({@code all}, {@code any}, {@code not}, {@code any_item}, {@code port_range}) or a field path with its
 * condition: a value (equals), a list (equals one of), null (absent) or a mapping of operators that must all hold
 * for the same value. Errors say where in the predicate they are.
 */
final class PredicateParser {

    private PredicateParser() {
    }

    static Predicate parse(Object node, String where) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new RuleFormatException(where + ": expected a mapping of conditions, found " + describe(node));
        }
        if (map.isEmpty()) {
            throw new RuleFormatException(where + ": empty condition");
        }
        List<Predicate> parts = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            String at = where + "." + key;
            switch (key) {
                case "all" -> parts.add(new Predicates.All(list(value, at)));
                case "any" -> parts.add(new Predicates.Any(list(value, at)));
                case "not" -> parts.add(new Predicates.Not(parse(value, at)));
                case "any_item" -> parts.add(anyItem(value, at));
                case "port_range" -> parts.add(portRange(value, at));
                default -> parts.add(leaf(key, value, at));
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Predicates.All(parts);
    }

    private static List<Predicate> list(Object value, String where) {
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            throw new RuleFormatException(where + ": expected a non-empty list of conditions");
        }
        List<Predicate> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            parts.add(parse(items.get(i), where + "[" + i + "]"));
        }
        return parts;
    }

    private static Predicate anyItem(Object value, String where) {
        Map<?, ?> map = mapping(value, where, Set.of("path", "match"));
        if (!map.containsKey("path") || !map.containsKey("match")) {
            throw new RuleFormatException(where + ": needs path: and match:");
        }
        return new Predicates.AnyItem(path(map.get("path"), where + ".path"), parse(map.get("match"), where + ".match"));
    }

    private static Predicate portRange(Object value, String where) {
        Map<?, ?> map = mapping(value, where, Set.of("from", "to", "protocol", "includes_any"));
        Object ports = map.get("includes_any");
        if (!(ports instanceof List<?> list) || list.isEmpty()) {
            throw new RuleFormatException(where + ".includes_any: expected a list of ports");
        }
        int[] numbers = new int[list.size()];
        for (int i = 0; i < list.size(); i++) {
            try {
                numbers[i] = Integer.parseInt(String.valueOf(list.get(i)).strip());
            } catch (NumberFormatException e) {
                throw new RuleFormatException(where + ".includes_any[" + i + "]: not a port number: " + list.get(i));
            }
            if (numbers[i] < 0 || numbers[i] > 65535) {
                throw new RuleFormatException(where + ".includes_any[" + i + "]: port out of range: " + numbers[i]);
            }
        }
        return new Predicates.PortRange(path(orDefault(map, "from", "fromPort"), where + ".from"),
                path(orDefault(map, "to", "toPort"), where + ".to"),
                path(orDefault(map, "protocol", "ipProtocol"), where + ".protocol"), numbers);
    }

    private static Object orDefault(Map<?, ?> map, String key, Object fallback) {
        Object value = map.get(key);
        return value != null ? value : fallback;
    }

    private static Predicate leaf(String key, Object value, String where) {
        FieldPath field = path(key, where);
        if (value == null) {
            return new Predicates.Leaf(field, List.of(), Boolean.FALSE, null);
        }
        if (value instanceof List<?> values) {
            Set<String> set = texts(values, where);
            return new Predicates.Leaf(field, List.of(ValueTests.equalsAny(set)), null, set);
        }
        if (!(value instanceof Map<?, ?> ops)) {
            Set<String> set = Set.of(scalar(value, where));
            return new Predicates.Leaf(field, List.of(ValueTests.equalsAny(set)), null, set);
        }
        if (ops.isEmpty()) {
            throw new RuleFormatException(where + ": empty operator mapping");
        }
        List<FieldPath.ValueTest> tests = new ArrayList<>();
        Boolean exists = null;
        Set<String> equalsValues = null;
        for (Map.Entry<?, ?> op : ops.entrySet()) {
            String name = String.valueOf(op.getKey());
            Object arg = op.getValue();
            String at = where + "." + name;
            switch (name) {
                case "equals", "in" -> {
                    equalsValues = arg instanceof List<?> l ? texts(l, at) : Set.of(scalar(arg, at));
                    tests.add(ValueTests.equalsAny(equalsValues));
                }
                case "equals_ignore_case" -> tests.add(ValueTests.equalsIgnoreCase(strings(arg, at)));
                case "starts_with" -> tests.add(ValueTests.startsWith(strings(arg, at), false));
                case "starts_with_ignore_case" -> tests.add(ValueTests.startsWith(strings(arg, at), true));
                case "ends_with" -> tests.add(ValueTests.endsWith(strings(arg, at), false));
                case "ends_with_ignore_case" -> tests.add(ValueTests.endsWith(strings(arg, at), true));
                case "contains" -> tests.add(ValueTests.contains(strings(arg, at), false));
                case "contains_ignore_case" -> tests.add(ValueTests.contains(strings(arg, at), true));
                case "regex" -> {
                    try {
                        tests.add(ValueTests.regex(Pattern.compile(scalar(arg, at))));
                    } catch (PatternSyntaxException e) {
                        throw new RuleFormatException(at + ": invalid regular expression: " + e.getDescription());
                    }
                }
                case "exists" -> exists = bool(arg, at);
                case "is_ip" -> tests.add(ValueTests.isIp(bool(arg, at)));
                case "in_cidr" -> {
                    try {
                        tests.add(ValueTests.inCidr(CidrTable.<Boolean>builder()
                                .add(strings(arg, at), Boolean.TRUE).build()));
                    } catch (IllegalArgumentException e) {
                        throw new RuleFormatException(at + ": " + e.getMessage());
                    }
                }
                case "gte" -> tests.add(ValueTests.compare(number(arg, at), true));
                case "lte" -> tests.add(ValueTests.compare(number(arg, at), false));
                case "equals_field" -> tests.add(ValueTests.equalsField(path(arg, at)));
                default -> throw new RuleFormatException(at + ": unknown operator '" + name + "' (expected equals,"
                        + " in, equals_ignore_case, starts_with, ends_with, contains (each also _ignore_case), regex,"
                        + " exists, is_ip, in_cidr, gte, lte, equals_field)");
            }
        }
        Set<String> indexable = tests.size() == 1 && exists == null ? equalsValues : null;
        return new Predicates.Leaf(field, List.copyOf(tests), exists, indexable);
    }

    private static FieldPath path(Object value, String where) {
        if (!(value instanceof String s)) {
            throw new RuleFormatException(where + ": expected a field path, found " + describe(value));
        }
        try {
            return new FieldPath(s);
        } catch (IllegalArgumentException e) {
            throw new RuleFormatException(where + ": " + e.getMessage());
        }
    }

    private static Map<?, ?> mapping(Object value, String where, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new RuleFormatException(where + ": expected a mapping, found " + describe(value));
        }
        for (Object k : map.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                throw new RuleFormatException(where + ": unknown key '" + k + "' (expected " + allowed + ")");
            }
        }
        return map;
    }

    private static Set<String> texts(List<?> values, String where) {
        if (values.isEmpty()) {
            throw new RuleFormatException(where + ": empty list");
        }
        Set<String> set = new LinkedHashSet<>();
        for (Object v : values) {
            set.add(scalar(v, where));
        }
        return Set.copyOf(set);
    }

    private static List<String> strings(Object arg, String where) {
        if (arg instanceof List<?> l) {
            return List.copyOf(texts(l, where));
        }
        return List.of(scalar(arg, where));
    }

    private static String scalar(Object value, String where) {
        if (value == null || value instanceof Map || value instanceof List) {
            throw new RuleFormatException(where + ": expected a single value, found " + describe(value));
        }
        return String.valueOf(value);
    }

    private static boolean bool(Object value, String where) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new RuleFormatException(where + ": expected true or false, found " + describe(value));
    }

    private static double number(Object value, String where) {
        try {
            return Double.parseDouble(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new RuleFormatException(where + ": expected a number, found " + describe(value));
        }
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
