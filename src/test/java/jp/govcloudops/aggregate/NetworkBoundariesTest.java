package jp.govcloudops.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jp.govcloudops.config.NetworkProperties;
import jp.govcloudops.format.flowlog.IpV4;
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
