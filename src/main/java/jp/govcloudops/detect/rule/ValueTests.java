package jp.govcloudops.detect.rule;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    static FieldPath.ValueTest inCidr(List<Cidr> ranges) {
        return (v, r) -> {
            byte[] address = IpLiterals.bytes(v);
            if (address == null) {
                return false;
            }
            for (Cidr c : ranges) {
                if (c.contains(address)) {
                    return true;
                }
            }
            return false;
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

    /** The address bytes when {@code text} is a literal IPv4 or IPv6 address (never a name lookup). */
    /** An IPv4 or IPv6 network. */
    record Cidr(byte[] base, int bits) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            byte[] address = IpLiterals.bytes(slash < 0 ? text.strip() : text.substring(0, slash).strip());
            if (address == null) {
                throw new IllegalArgumentException("not an IP network: " + text);
            }
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1).strip());
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
            return new Cidr(address, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != base[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (base[full] & mask);
        }
    }
}
