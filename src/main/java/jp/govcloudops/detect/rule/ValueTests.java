package jp.govcloudops.detect.rule;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jp.govcloudops.format.CidrTable;
import jp.govcloudops.format.IpLiterals;

/** The value operators of the predicate language. */
final class ValueTests {

    private ValueTests() {
    }

    static FieldPath.ValueTest equalsAny(Set<String> values) {
        if (values.size() == 1) {
            String only = values.iterator().next();
            return (v, r) -> v.equals(only);
        }
        return (v, r) -> values.contains(v);
    }

    static FieldPath.ValueTest equalsIgnoreCase(List<String> values) {
        return (v, r) -> {
            for (String s : values) {
                if (s.equalsIgnoreCase(v)) {
                    return true;
                }
            }
            return false;
        };
    }

    static FieldPath.ValueTest startsWith(List<String> values, boolean ignoreCase) {
        List<String> needles = ignoreCase ? lower(values) : values;
        return (v, r) -> {
            String s = ignoreCase ? v.toLowerCase(Locale.ROOT) : v;
            for (String n : needles) {
                if (s.startsWith(n)) {
                    return true;
                }
            }
            return false;
        };
    }

    static FieldPath.ValueTest endsWith(List<String> values, boolean ignoreCase) {
        List<String> needles = ignoreCase ? lower(values) : values;
        return (v, r) -> {
            String s = ignoreCase ? v.toLowerCase(Locale.ROOT) : v;
            for (String n : needles) {
                if (s.endsWith(n)) {
                    return true;
                }
            }
            return false;
        };
    }

    static FieldPath.ValueTest contains(List<String> values, boolean ignoreCase) {
        List<String> needles = ignoreCase ? lower(values) : values;
        return (v, r) -> {
            String s = ignoreCase ? v.toLowerCase(Locale.ROOT) : v;
            for (String n : needles) {
                if (s.contains(n)) {
                    return true;
                }
            }
            return false;
        };
    }

    static FieldPath.ValueTest regex(Pattern pattern) {
        return (v, r) -> pattern.matcher(v).find();
    }

    static FieldPath.ValueTest isIp(boolean expected) {
        return (v, r) -> isLiteralIp(v) == expected;
    }

    /** The value is an IP literal inside one of the networks (a name is never looked up). */
    static FieldPath.ValueTest inCidr(CidrTable<Boolean> networks) {
        return (v, r) -> {
            byte[] address = IpLiterals.bytes(v);
            return address != null && networks.of(address) != null;
        };
    }

    static FieldPath.ValueTest compare(double bound, boolean atLeast) {
        return (v, r) -> {
            try {
                double d = Double.parseDouble(v.strip());
                return atLeast ? d >= bound : d <= bound;
            } catch (NumberFormatException e) {
                return false;
            }
        };
    }

    /** The value equals some value of another field (read from the record root). */
    static FieldPath.ValueTest equalsField(FieldPath other) {
        return (v, r) -> {
            var saved = r.scope;
            r.scope = null;
            try {
                return other.anyValue(r, (o, ignored) -> o.equals(v));
            } finally {
                r.scope = saved;
            }
        };
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    static boolean isLiteralIp(String text) {
        return IpLiterals.bytes(text) != null;
    }
}
