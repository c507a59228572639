package jp.govcloudops.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jp.govcloudops.format.IpV4;

/**
 * IP address literals as bytes, parsed here rather than by {@code InetAddress.getByName}: given a name or a
 * malformed address (such as {@code 10.0.0.256}) that would ask the DNS, a stall of milliseconds to seconds per
 * record and a lookup nobody asked for; and its IPv6 parse made a flow record with IPv6 addresses four times as
 * expensive as one with IPv4 addresses (docs/benchmarks.md).
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** The address's 4 or 16 bytes, or null when the text is not an IP literal. */
    public static byte[] bytes(String text) {
        if (text == null) {
            return null;
        }
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII); // anything else becomes '?', which no literal has
        return bytes(ascii, 0, ascii.length);
    }

    /**
     * The address's 4 or 16 bytes from its ASCII text in {@code b[from, to)}, or null when that is not an IP
     * literal: what a flow-log reader hands over for an address that is not plain IPv4, without a String.
     */
    public static byte[] bytes(byte[] b, int from, int to) {
        long v4 = IpV4.parse(b, from, to);
        if (IpV4.isValid(v4)) {
            int a = (int) v4;
            return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        }
        return v6(b, from, to);
    }

    /**
     * The 16 bytes of an IPv6 literal in the text forms of RFC 4291 (groups of one to four hex digits, at most one
     * "::", a dotted IPv4 address as the last 32 bits) in {@code text[from, to)}, or null for anything else (a name,
     * a malformed address, dotted IPv4 alone). An IPv4-mapped address ({@code ::ffff:10.0.0.1}) comes back as its 4
     * IPv4 bytes, as {@code InetAddress} gives it. For callers that have already found the text is not IPv4.
     */
    public static byte[] v6(byte[] text, int from, int to) {
        byte[] out = new byte[16];
        if (!v6(text, from, to, out)) {
            return null;
        }
        boolean mapped = out[10] == (byte) 0xff && out[11] == (byte) 0xff;
        for (int b = 0; b < 10 && mapped; b++) {
            mapped = out[b] == 0;
        }
        return mapped ? Arrays.copyOfRange(out, 12, 16) : out;
    }

    /**
     * Whether {@code text[from, to)} is an IPv6 literal, as {@link #v6(byte[], int, int)} reads them, parsed into
     * the caller's 16 bytes: a check that allocates nothing.
     */
    public static boolean isV6(byte[] text, int from, int to, byte[] scratch) {
        return v6(text, from, to, scratch);
    }

    private static boolean v6(byte[] text, int from, int to, byte[] out) {
        if (from >= to) {
            return false;
        }
        int i = from;
        int filled = 0;
        int gap = -1; // where "::" stands, as a byte index into out
        if (text[i] == ':') {
            if (to - from < 2 || text[i + 1] != ':') {
                return false;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            for (int digit; i < to && i - start <= 4 && (digit = hex(text[i])) >= 0; i++) {
                value = value << 4 | digit;
            }
            if (i < to && text[i] == '.') {
                long v4 = IpV4.parse(text, start, to);
                if (filled > 12 || !IpV4.isValid(v4)) {
                    return false;
                }
                for (int shift = 24; shift >= 0; shift -= 8) {
                    out[filled++] = (byte) (v4 >>> shift);
                }
                break;
            }
            if (i == start || i - start > 4 || filled == 16) {
                return false;
            }
            out[filled++] = (byte) (value >>> 8);
            out[filled++] = (byte) value;
            if (i == to) {
                break;
            }
            if (text[i] != ':' || ++i == to) {
                return false; // not a separator, or a single ':' at the end
            }
            if (text[i] == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = filled;
                i++;
            }
        }
        if (gap < 0 ? filled != 16 : filled == 16) {
            return false; // eight groups without "::", or "::" standing for none
        }
        if (gap >= 0) {
            int tail = filled - gap;
            System.arraycopy(out, gap, out, 16 - tail, tail);
            Arrays.fill(out, gap, 16 - tail, (byte) 0);
        }
        return true;
    }

    /** An ASCII hex digit's value, or -1. */
    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
