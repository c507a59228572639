package jp.govcloudops.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void ipv4NetworksOnPrefixBoundariesInsideAndOutsideBytes() {
        Cidr cidr = Cidr.parse(" 10.1.0.0/16 ");
        assertThat(cidr.isV4()).isTrue();
        assertThat(cidr.contains(IpLiterals.bytes("10.1.255.7"))).isTrue();
        assertThat(cidr.contains(IpLiterals.bytes("10.2.0.1"))).isFalse();
        Cidr odd = Cidr.parse("192.168.4.0/22"); // 192.168.4.0 - 192.168.7.255
        assertThat(odd.contains(IpLiterals.bytes("192.168.7.255"))).isTrue();
        assertThat(odd.contains(IpLiterals.bytes("192.168.8.0"))).isFalse();
        assertThat(odd.contains(IpLiterals.bytes("192.168.3.255"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(IpLiterals.bytes("203.0.113.9"))).isTrue();
        assertThat(Cidr.parse("203.0.113.9").contains(IpLiterals.bytes("203.0.113.9"))).isTrue();
        assertThat(Cidr.parse("203.0.113.9").contains(IpLiterals.bytes("203.0.113.8"))).isFalse();
    }

    @Test
    void ipv4IntFormMatchesTheByteForm() {
        Cidr cidr = Cidr.parse("172.16.33.200/20"); // host bits in the written address are ignored
        assertThat(cidr.v4Mask()).isEqualTo(0xfffff000);
        assertThat(cidr.v4Network()).isEqualTo(0xac102000);
        assertThat(Cidr.parse("0.0.0.0/0").v4Mask()).isZero();
        assertThat(cidr.toString()).isEqualTo("172.16.33.200/20");
    }

    @Test
    void ipv6NetworksAndNeverAcrossFamilies() {
        Cidr cidr = Cidr.parse("2406:da14:ab:cd00::/56");
        assertThat(cidr.isV4()).isFalse();
        assertThat(cidr.contains(IpLiterals.bytes("2406:da14:ab:cdff:1::1"))).isTrue();
        assertThat(cidr.contains(IpLiterals.bytes("2406:da14:ab:ce00::1"))).isFalse();
        assertThat(cidr.contains(IpLiterals.bytes("10.0.0.1"))).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").contains(IpLiterals.bytes("fd00::1"))).isFalse();
        assertThat(Cidr.parse("2406:da14::/32")).isEqualTo(Cidr.parse("2406:DA14:0::/32"));
    }

    @Test
    void badTextIsRejectedWithTheText() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessage("bad prefix length in '10.0.0.0/33'");
        assertThatThrownBy(() -> Cidr.parse("fd00::/129")).hasMessage("bad prefix length in 'fd00::/129'");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessage("bad prefix length in '10.0.0.0/x'");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.256/24")).hasMessage("not an IP network: '10.0.0.256/24'");
        assertThatThrownBy(() -> Cidr.parse("intranet.example/24"))
                .hasMessage("not an IP network: 'intranet.example/24'");
    }
}
