package jp.govcloudops.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jp.govcloudops.config.NetworkProperties;
import jp.govcloudops.format.IpV4;
import org.junit.jupiter.api.Test;

class NetworkBoundariesTest {

    // LGCS 10.100.0.0/16, ASP 10.200.0.0/16, VPC 10.1.0.0/16
    private final NetworkBoundaries boundaries = new NetworkBoundaries(new NetworkProperties(
            List.of("10.100.0.0/16"), List.of("10.200.0.0/16"), List.of("10.1.0.0/16")));

    @Test
    void ipv4AddressesByConfiguredRangeThenPrivateOrInternet() {
        assertThat(boundaries.ofV4(v4("10.1.2.3"))).isEqualTo(Boundary.VPC);
        assertThat(boundaries.ofV4(v4("10.200.9.9"))).isEqualTo(Boundary.ASP);
        assertThat(boundaries.ofV4(v4("10.100.0.1"))).isEqualTo(Boundary.LGCS);
        assertThat(boundaries.ofV4(v4("192.168.1.1"))).isEqualTo(Boundary.PRIVATE);
        assertThat(boundaries.ofV4(v4("203.0.113.5"))).isEqualTo(Boundary.INTERNET);
    }

    @Test
    void ipv6AndMappedAddressesFromText() {
        assertThat(boundaries.ofText("2001:db8::1")).isEqualTo(Boundary.INTERNET);
        assertThat(boundaries.ofText("fd12:3456::1")).isEqualTo(Boundary.PRIVATE);
        assertThat(boundaries.ofText("fe80::1")).isEqualTo(Boundary.PRIVATE);
        assertThat(boundaries.ofText("::1")).isEqualTo(Boundary.PRIVATE);
        assertThat(boundaries.ofText("::ffff:10.1.0.7")).isEqualTo(Boundary.VPC);
    }

    @Test
    void ipv6RangesAreConfigurableBesideIpv4Ones() {
        NetworkBoundaries dualStack = new NetworkBoundaries(new NetworkProperties(
                List.of("10.0.0.0/8", "2406:da14::/32"), List.of(), List.of("10.1.0.0/16", "2406:da14:ab:cd00::/56")));
        assertThat(dualStack.ofText("2406:da14:ab:cdff::10")).isEqualTo(Boundary.VPC);
        assertThat(dualStack.ofText("2406:da15::10")).isEqualTo(Boundary.INTERNET);
        assertThat(dualStack.ofV4(v4("10.1.0.9"))).isEqualTo(Boundary.VPC); // the VPC inside the LGCS supernet
        assertThat(dualStack.ofV4(v4("10.2.0.9"))).isEqualTo(Boundary.LGCS);
        assertThat(dualStack.ofText("2406:da14:1::1")).isEqualTo(Boundary.LGCS);
        assertThatThrownBy(() -> new NetworkBoundaries(new NetworkProperties(List.of("10.100.0.0/40"), List.of(),
                List.of()))).hasMessageContaining("bad prefix length in '10.100.0.0/40'");
        assertThatThrownBy(() -> new NetworkBoundaries(new NetworkProperties(List.of("intranet"), List.of(),
                List.of()))).hasMessageContaining("not an IP network: 'intranet'");
    }

    /**
     * IPv4 lookups go through a table per /16 block; ranges narrower than /16 split their block. Every address of
     * such a block, and of its neighbours, classifies as a plain first-match walk over the ranges says.
     */
    @Test
    void rangesNarrowerThanASixteenSplitTheirBlockAddressByAddress() {
        List<String> lgcs = List.of("172.20.0.0/14", "10.1.0.0/16");
        List<String> asp = List.of("10.1.128.0/17", "192.168.7.64/26");
        List<String> vpc = List.of("10.1.2.0/24", "100.64.0.0/10", "203.0.113.8/32");
        NetworkBoundaries split = new NetworkBoundaries(new NetworkProperties(lgcs, asp, vpc));
        for (String inBlock : List.of("10.1.0.0", "10.0.0.0", "10.2.0.0", "192.168.7.0", "192.168.6.0", "203.0.113.0",
                "172.21.0.0", "100.64.0.0", "8.8.8.8")) {
            int base = v4(inBlock) & 0xffff0000;
            for (int low = 0; low < 1 << 16; low++) {
                int address = base | low;
                assertThat(split.ofV4(address)).as(IpV4.format(address))
                        .isEqualTo(firstMatch(address, vpc, asp, lgcs));
            }
        }
    }

    private static Boundary firstMatch(int address, List<String> vpc, List<String> asp, List<String> lgcs) {
        for (var entry : List.of(java.util.Map.entry(vpc, Boundary.VPC), java.util.Map.entry(asp, Boundary.ASP),
                java.util.Map.entry(lgcs, Boundary.LGCS))) {
            for (String cidr : entry.getKey()) {
                int prefix = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
                int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
                if ((address & mask) == (v4(cidr.substring(0, cidr.indexOf('/'))) & mask)) {
                    return entry.getValue();
                }
            }
        }
        return NetworkBoundaries.isPrivateV4(address) ? Boundary.PRIVATE : Boundary.INTERNET;
    }

    @Test
    void textThatIsNotAnAddressIsUnknownAndNeverResolved() {
        // "localhost" resolves to the loopback address (PRIVATE) if it is looked up as a host name.
        assertThat(boundaries.ofText("localhost")).isEqualTo(Boundary.UNKNOWN);
        assertThat(boundaries.ofText("10.0.0.256")).isEqualTo(Boundary.UNKNOWN);
        assertThat(boundaries.ofText("fe80::zz")).isEqualTo(Boundary.UNKNOWN);
        assertThat(boundaries.ofText("-")).isEqualTo(Boundary.UNKNOWN);
        assertThat(boundaries.ofText(null)).isEqualTo(Boundary.UNKNOWN);
    }

    private static int v4(String text) {
        return (int) IpV4.parse(text);
    }
}
