package jp.govcloudops.aggregate;

import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.config.NetworkProperties;
import jp.govcloudops.format.Cidr;
import jp.govcloudops.format.IpLiterals;

/**
 * Classifies addresses by the configured ranges (LGCS on-premises, ASP areas, VPCs; IPv4 or IPv6); anything else
 * private is {@link Boundary#PRIVATE} and anything else is the internet. IPv4 checks run on ints, with no
 * allocation.
 */
public final class NetworkBoundaries {

    private final int[] networks;
    private final int[] masks;
    private final Boundary[] kinds;
    private final List<Range> v6Ranges;

    private record Range(Cidr cidr, Boundary kind) {
    }

    public NetworkBoundaries(NetworkProperties properties) {
        List<Range> ranges = new ArrayList<>();
        // Most specific first: a VPC range inside an LGCS supernet is still the VPC.
        properties.vpc().forEach(text -> ranges.add(new Range(Cidr.parse(text), Boundary.VPC)));
        properties.asp().forEach(text -> ranges.add(new Range(Cidr.parse(text), Boundary.ASP)));
        properties.lgcs().forEach(text -> ranges.add(new Range(Cidr.parse(text), Boundary.LGCS)));
        List<Range> v4Ranges = ranges.stream().filter(r -> r.cidr().isV4()).toList();
        networks = v4Ranges.stream().mapToInt(r -> r.cidr().v4Network()).toArray();
        masks = v4Ranges.stream().mapToInt(r -> r.cidr().v4Mask()).toArray();
        kinds = v4Ranges.stream().map(Range::kind).toArray(Boundary[]::new);
        v6Ranges = ranges.stream().filter(r -> !r.cidr().isV4()).toList();
    }

    public Boundary ofV4(int address) {
        for (int i = 0; i < networks.length; i++) {
            if ((address & masks[i]) == networks[i]) {
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
        for (Range range : v6Ranges) {
            if (range.cidr().contains(b)) {
                return range.kind();
            }
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
