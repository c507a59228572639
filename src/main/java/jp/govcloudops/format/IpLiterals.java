package jp.govcloudops.format;

import java.util.Arrays;

import jp.govcloudops.format.flowlog.IpV4;

/**
 * IP address literals as bytes, parsed here rather than by {@code InetAddress.getByName}: given a name or a
 * malformed address (such as {@code 10.0.0.256}) that would ask the DNS, a stall of milliseconds to seconds per
 * record and a lookup nobody asked for; and on an IPv6 literal it cost about 1.5 µs, which made a flow record with
 * IPv6 addresses four times as expensive as one with IPv4 addresses (docs/benchmarks.md).
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** The address's 4 or 16 bytes, or null when the text is not an IP literal. */
    public static byte[] bytes(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean v4 = true;
        boolean v6 = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            v4 &= digit || c == '.';
            v6 |= c == ':';
            if (!digit && c != '.' && c != ':' && hex(c) < 0) {
                return null; // neither form: a name, or garbage
            }
        }
        if (v4) {
            long parsed = IpV4.parse(text);
            if (!IpV4.isValid(parsed)) {
                return null;
            }
            int a = (int) parsed;
            return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        }
        return v6 ? v6(text) : null;
    }

    /**
     * The 16 bytes of an IPv6 literal in the text forms of RFC 4291 (groups of one to four hex digits, at most one
     * "::", a dotted IPv4 address as the last 32 bits), or null. An IPv4-mapped address ({@code ::ffff:10.0.0.1})
     * comes back as its 4 IPv4 bytes, as {@code InetAddress} gives it.
     */
    private static byte[] v6(String text) {
        byte[] out = new byte[16];
        int length = text.length();
        int i = 0;
        int filled = 0;
        int gap = -1; // where "::" stands, as a byte index into out
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (text.charAt(0) == ':') {
            return null;
        }
        while (i < length) {
            int start = i;
            int value = 0;
            while (i < length && i - start <= 4 && hex(text.charAt(i)) >= 0) {
                value = value << 4 | hex(text.charAt(i));
                i++;
            }
            if (i < length && text.charAt(i) == '.') {
                long v4 = IpV4.parse(text.substring(start));
                if (filled > 12 || !IpV4.isValid(v4)) {
                    return null;
                }
                for (int shift = 24; shift >= 0; shift -= 8) {
                    out[filled++] = (byte) (v4 >>> shift);
                }
                break;
            }
            if (i == start || i - start > 4 || filled == 16) {
                return null;
            }
            out[filled++] = (byte) (value >>> 8);
            out[filled++] = (byte) value;
            if (i == length) {
                break;
            }
            if (text.charAt(i) != ':' || ++i == length) {
                return null; // not a separator, or a single ':' at the end
            }
            if (text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = filled;
                i++;
            }
        }
        if (gap < 0 ? filled != 16 : filled == 16) {
            return null; // eight groups without "::", or "::" standing for none
        }
        if (gap >= 0) {
            int tail = filled - gap;
            System.arraycopy(out, gap, out, 16 - tail, tail);
            Arrays.fill(out, gap, 16 - tail, (byte) 0);
        }
        boolean mapped = out[10] == (byte) 0xff && out[11] == (byte) 0xff;
        for (int b = 0; b < 10 && mapped; b++) {
            mapped = out[b] == 0;
        }
        return mapped ? Arrays.copyOfRange(out, 12, 16) : out;
    }

    /** An ASCII hex digit's value, or -1 (Character.digit would also take other scripts' digits). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
