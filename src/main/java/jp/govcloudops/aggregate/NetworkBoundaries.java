package jp.govcloudops.aggregate;

import java.util.BitSet;

import jp.govcloudops.config.NetworkProperties;
import jp.govcloudops.format.CidrTable;
import jp.govcloudops.format.IpLiterals;
import org.springframework.stereotype.Component;

/**
 * Classifies addresses by the configured ranges (LGCS on-premises, ASP areas, VPCs; IPv4 or IPv6); anything else
 * private is {@link Boundary#PRIVATE} and anything else is the internet. IPv4 checks run on ints, with no
 * allocation. One instance, parsed from the configuration at start-up, serves the aggregates and the detections.
 */
@Component
public final class NetworkBoundaries {

    private final CidrTable<Boundary> ranges;
    /**
     * Per /16 block of IPv4 addresses (the top 16 bits), the boundary of all its addresses, or null where a
     * configured range narrower than /16 splits it (the private ranges of {@link #isPrivateV4} are all whole /16
     * blocks). Flow logs classify two addresses per record, and this makes that one array read instead of a walk
     * over the ranges.
     */
    private final Boundary[] blocks = new Boundary[1 << 16];

    public NetworkBoundaries(NetworkProperties properties) {
        ranges = CidrTable.<Boundary>builder()
                // Most specific first: a VPC range inside an LGCS supernet is still the VPC.
                .add(properties.vpc(), Boundary.VPC)
                .add(properties.asp(), Boundary.ASP)
                .add(properties.lgcs(), Boundary.LGCS)
                .build();
        BitSet split = ranges.splitV4Blocks();
        for (int block = 0; block < blocks.length; block++) {
            if (!split.get(block)) {
                blocks[block] = lookUpV4(block << 16);
            }
        }
    }

    public Boundary ofV4(int address) {
        Boundary boundary = blocks[address >>> 16];
        return boundary != null ? boundary : lookUpV4(address);
    }

    private Boundary lookUpV4(int address) {
        Boundary configured = ranges.ofV4(address);
        if (configured != null) {
            return configured;
        }
        return isPrivateV4(address) ? Boundary.PRIVATE : Boundary.INTERNET;
    }

    /**
     * For addresses that are not IPv4 (IPv6, or absent when null). Text that is not an IP literal is
     * {@link Boundary#UNKNOWN}; it is never looked up as a host name.
     */
    public Boundary ofText(String address) {
        return of(IpLiterals.bytes(address));
    }

    /**
     * For an address's bytes: 4 or 16, as {@link IpLiterals} gives them (flow records have them for their addresses
     * that are not IPv4); null is {@link Boundary#UNKNOWN}.
     */
    public Boundary of(byte[] b) {
        if (b == null) {
            return Boundary.UNKNOWN;
        }
        if (b.length == 4) { // IPv4, also written IPv4-mapped (::ffff:10.0.0.1)
            return ofV4((b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff));
        }
        Boundary configured = ranges.of(b);
        if (configured != null) {
            return configured;
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
