package jp.govcloudops.aggregate;

import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.config.NetworkProperties;
import jp.govcloudops.format.IpLiterals;

/**
 * Classifies addresses by the configured ranges (LGCS on-premises, ASP areas, VPCs); anything else private is
 * {@link Boundary#PRIVATE} and anything else is the internet. IPv4 checks run on ints, with no allocation.
 */
public final class NetworkBoundaries {

    private final int[] bases;
    private final int[] masks;
    private final Boundary[] kinds;

    public NetworkBoundaries(NetworkProperties properties) {
        List<int[]> ranges = new ArrayList<>();
        List<Boundary> boundaries = new ArrayList<>();
        // Most specific first: a VPC range inside an LGCS supernet is still the VPC.
        add(properties.vpc(), Boundary.VPC, ranges, boundaries);
        add(properties.asp(), Boundary.ASP, ranges, boundaries);
        add(properties.lgcs(), Boundary.LGCS, ranges, boundaries);
        bases = new int[ranges.size()];
        masks = new int[ranges.size()];
        kinds = boundaries.toArray(new Boundary[0]);
        for (int i = 0; i < ranges.size(); i++) {
            bases[i] = ranges.get(i)[0];
            masks[i] = ranges.get(i)[1];
        }
    }

    private static void add(List<String> cidrs, Boundary kind, List<int[]> ranges, List<Boundary> out) {
        for (String cidr : cidrs) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            int bits = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1).trim());
            long parsed = jp.govcloudops.format.flowlog.IpV4.parse(address.trim());
            if (!jp.govcloudops.format.flowlog.IpV4.isValid(parsed) || bits < 0 || bits > 32) {
                throw new IllegalArgumentException("not an IPv4 CIDR: " + cidr);
            }
            int mask = bits == 0 ? 0 : -1 << (32 - bits);
            ranges.add(new int[] {(int) parsed & mask, mask});
            out.add(kind);
        }
    }

    public Boundary ofV4(int address) {
        for (int i = 0; i < bases.length; i++) {
            if ((address & masks[i]) == bases[i]) {
                return kinds[i];
            }
        }
        return isPrivateV4(address) ? Boundary.PRIVATE : Boundary.INTERNET;
    }

    /**
     * For addresses that are not IPv4 (IPv6, or absent when null). Text that is not an IP literal is
     * {@link Boundary#UNKNOWN}; it is never looked up as a host name.
     */
    public Boundary ofText(String address) {
        byte[] b = IpLiterals.bytes(address);
        if (b == null) {
            return Boundary.UNKNOWN;
        }
        if (b.length == 4) { // IPv4, also written IPv4-mapped (::ffff:10.0.0.1)
            return ofV4((b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff));
        }
        boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
        boolean linkLocal = b[0] == (byte) 0xfe && (b[1] & 0xc0) == 0x80;
        boolean siteLocal = b[0] == (byte) 0xfe && (b[1] & 0xc0) == 0xc0;
        boolean loopback = isZero(b, 0, 15) && b[15] == 1;
        return uniqueLocal || linkLocal || siteLocal || loopback ? Boundary.PRIVATE : Boundary.INTERNET;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    public static boolean isPrivateV4(int a) {
        int first = (a >>> 24) & 0xff;
        int second = (a >>> 16) & 0xff;
        return first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)
                || (first == 100 && second >= 64 && second <= 127) || first == 127 || (first == 169 && second == 254);
    }
}
