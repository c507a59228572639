package jp.govcloudops.format;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jp.govcloudops.format.flowlog.IpV4;

/**
 * IP address literals as bytes. Only text that can be an IPv4 or IPv6 literal reaches {@link InetAddress}: given
 * anything else (a malformed address such as {@code 10.0.0.256}, or a name), {@code InetAddress.getByName} would
 * ask the DNS, a stall of milliseconds to seconds per record and a lookup nobody asked for.
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
            if (!digit && c != '.' && c != ':' && Character.digit(c, 16) < 0) {
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
        if (!v6) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress(); // a literal with ':' is parsed, never resolved
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
