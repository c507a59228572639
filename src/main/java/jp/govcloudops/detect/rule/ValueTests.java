package jp.govcloudops.detect.rule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
            byte[] address = literalIp(v);
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
        return literalIp(text) != null;
    }

    /** The address bytes when {@code text} is a literal IPv4 or IPv6 address (never a name lookup). */
    static byte[] literalIp(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean v4 = text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
        boolean v6 = !v4 && text.indexOf(':') >= 0
                && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (v4) {
            long parsed = jp.govcloudops.format.flowlog.IpV4.parse(text);
            if (!jp.govcloudops.format.flowlog.IpV4.isValid(parsed)) {
                return null;
            }
            int a = (int) parsed;
            return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        }
        if (v6) {
            try {
                return InetAddress.getByName(text).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    /** An IPv4 or IPv6 network. */
    record Cidr(byte[] base, int bits) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            byte[] address = literalIp(slash < 0 ? text.strip() : text.substring(0, slash).strip());
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
