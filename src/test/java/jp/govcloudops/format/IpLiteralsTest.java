package jp.govcloudops.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IpLiterals against the JDK's own parser (InetAddress, given only literals, never names). */
class IpLiteralsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "2001:DB8::A", "::", "::1", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8", "2406:da14:e7a:3b00:1d3f:4a4c:1c9b:7e21", "fe80::1", "fd00:ec2::254", "::ffff:10.0.0.1",
            "::ffff:a00:1", "::10.0.0.1", "64:ff9b::192.0.2.33", "1:2:3:4:5:6:1.2.3.4", "0:0:0:0:0:0:0:0",
            "0000:0000:0000:0000:0000:0000:0000:0001", "2001:db8:0:0:0:0:2:1", "10.0.0.1", "192.168.1.255"})
    void readsWhatTheJdkReads(String literal) {
        assertThat(IpLiterals.bytes(literal)).isEqualTo(jdk(literal));
        assertThat(inLine(literal)).isEqualTo(jdk(literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {":", ":::", "1:", ":1", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "::12345",
            "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "::1.2.3.256",
            "1.2.3.4::", "2001:db8::g", "10.0.0.256", "1.2.3", "example.com", "beef", "cafe:babe", "fe80::1%eth0",
            "[::1]", "", " ::1", "２００１:db8::1", "2001:db8::\uD83D\uDE00"})
    void rejectsWhatIsNoLiteral(String text) {
        assertThat(IpLiterals.bytes(text)).isNull();
        assertThat(inLine(text)).isNull();
    }

    @Test
    void agreesWithTheJdkOnRandomAddressesInEveryTextForm() {
        Random random = new Random(20261126);
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            int[] groups = new int[8];
            for (int g = 0; g < 8; g++) {
                // Runs of zero groups, so that "::" has something to stand for.
                groups[g] = random.nextInt(3) == 0 ? 0 : random.nextInt(1 << (random.nextInt(4) * 4 + 4));
            }
            StringBuilder full = new StringBuilder();
            for (int g = 0; g < 8; g++) {
                full.append(g == 0 ? "" : ":").append(random.nextBoolean() ? Integer.toHexString(groups[g])
                        : Integer.toHexString(groups[g]).toUpperCase());
            }
            texts.add(full.toString());
            // "::" in place of one run of groups, zero or not: the JDK and we must agree either way.
            int from = random.nextInt(8);
            int to = from + 1 + random.nextInt(8 - from);
            StringBuilder compressed = new StringBuilder();
            for (int g = 0; g < from; g++) {
                compressed.append(g == 0 ? "" : ":").append(Integer.toHexString(groups[g]));
            }
            compressed.append("::");
            for (int g = to; g < 8; g++) {
                compressed.append(g == to ? "" : ":").append(Integer.toHexString(groups[g]));
            }
            texts.add(compressed.toString());
            texts.add(compressed + (to == 8 ? "" : ":") + (random.nextInt(256)) + "." + random.nextInt(300) + ".1.2");
        }
        for (String text : texts) {
            byte[] expected = jdk(text);
            assertThat(IpLiterals.bytes(text)).as(text).isEqualTo(expected);
            assertThat(inLine(text)).as(text).isEqualTo(expected);
            byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
            assertThat(IpLiterals.v6(ascii, 0, ascii.length)).as(text).isEqualTo(expected); // none is plain IPv4
        }
    }

    @Test
    void theIpv6PartLeavesPlainIpv4AndEmptyTextAlone() {
        byte[] v4 = "10.0.0.1".getBytes(StandardCharsets.US_ASCII);
        assertThat(IpLiterals.v6(v4, 0, v4.length)).isNull();
        assertThat(IpLiterals.v6(new byte[0], 0, 0)).isNull();
        assertThat(IpLiterals.bytes(new byte[0], 0, 0)).isNull();
    }

    /** The byte-range form, as a flow-log reader calls it: the text inside a line, with fields on both sides. */
    private static byte[] inLine(String text) {
        byte[] line = ("eni-1 " + text + " 443\n").getBytes(StandardCharsets.UTF_8);
        int from = "eni-1 ".length();
        return IpLiterals.bytes(line, from, line.length - " 443\n".length());
    }

    private static byte[] jdk(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
