package jp.govcloudops.format;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network written as a CIDR ({@code 10.1.0.0/16}, {@code 2406:da14::/56}); a bare address is a
 * network of one. One parser for the configured network boundaries and for the rule language's {@code cidr}
 * operator, so both accept and reject the same text.
 */
public record Cidr(byte[] base, int bits) {

    /** Parses a CIDR; the address must be an IP literal (never a name lookup). */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        byte[] address = IpLiterals.bytes(slash < 0 ? text.strip() : text.substring(0, slash).strip());
        if (address == null) {
            throw new IllegalArgumentException("not an IP network: '" + text + "'");
        }
        int bits;
        try {
            bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + text + "'");
        }
        if (bits < 0 || bits > address.length * 8) {
            throw new IllegalArgumentException("bad prefix length in '" + text + "'");
        }
        return new Cidr(address, bits);
    }

    public boolean isV4() {
        return base.length == 4;
    }

    /** The network's leading bits as an int mask, for IPv4 networks. */
    public int v4Mask() {
        return bits == 0 ? 0 : -1 << (32 - bits);
    }

    /** The network address with its host bits cleared, for IPv4 networks. */
    public int v4Network() {
        return ((base[0] & 0xff) << 24 | (base[1] & 0xff) << 16 | (base[2] & 0xff) << 8 | (base[3] & 0xff)) & v4Mask();
    }

    /** True when the address (4 or 16 bytes) is in this network; an address of the other family never is. */
    public boolean contains(byte[] address) {
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

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr c && c.bits == bits && Arrays.equals(c.base, base);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(base) + bits;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(base).getHostAddress() + "/" + bits;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a length other than 4 or 16, which parse never makes
        }
    }
}
