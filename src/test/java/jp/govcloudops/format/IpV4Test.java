package jp.govcloudops.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The byte parser against a regular expression, on edge cases and on random texts inside other bytes. */
class IpV4Test {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    @Test
    void edgeCases() {
        for (String text : new String[] {"0.0.0.0", "255.255.255.255", "10.0.1.5", "010.001.0.9", "256.1.1.1",
                "1.2.3.256", "1.2.3", "1.2.3.4.", ".1.2.3", "1..2.3", "1.2.3.4.5", "1234.1.1.1", "1.2.3.1234", "",
                "-", "1.2.3.-4", "+1.2.3.4", "2001:db8::1", "1.2.3.4 ", " 1.2.3.4", "999.999.999.999", "1.2.3.a"}) {
            assertThat(IpV4.parse(text)).as(text).isEqualTo(expected(text));
        }
    }

    @Test
    void randomTextsInsideOtherBytesReadAsTheExpressionReadsThem() {
        Random random = new Random(20261126);
        String alphabet = "0123456789.....-: x";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(18);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('0' + random.nextInt(10)));
                if (random.nextInt(4) == 0 && text.length() > 0) {
                    text.append('.');
                }
            }
            String s = text.toString();
            // Surrounded by digits and dots, which the parser must not read.
            byte[] bytes = ("9." + s + ".9").getBytes(StandardCharsets.ISO_8859_1);
            assertThat(IpV4.parse(bytes, 2, 2 + s.length())).as(s).isEqualTo(expected(s));
        }
    }

    private static long expected(String text) {
        Matcher m = DOTTED_QUAD.matcher(text);
        if (!m.matches()) {
            return 1L << 32;
        }
        long value = 0;
        for (int g = 1; g <= 4; g++) {
            int octet = Integer.parseInt(m.group(g));
            if (octet > 255) {
                return 1L << 32;
            }
            value = value << 8 | octet;
        }
        return value;
    }
}
