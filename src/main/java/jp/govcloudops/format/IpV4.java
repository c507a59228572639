package jp.govcloudops.format;

/** Dotted-quad IPv4 addresses as ints, parsed straight from bytes. */
public final class IpV4 {

    private static final long NOT_AN_ADDRESS = 1L << 32;

    private IpV4() {
    }

    /**
     * Parses bytes {@code [from, to)}; returns a long with bit 32 set when the text is not an IPv4 address (four
     * octets of one to three digits, each at most 255, joined by dots). Written octet by octet, each digit tested
     * once: under the deployed C1 compiler this runs for two addresses of every flow-log record.
     */
    public static long parse(byte[] b, int from, int to) {
        int i = from;
        int value = 0;
        for (int k = 0; k < 4; k++) {
            if (k > 0) {
                if (i >= to || b[i] != '.') {
                    return NOT_AN_ADDRESS;
                }
                i++;
            }
            int octet = i < to ? b[i] - '0' : -1;
            if (octet < 0 || octet > 9) {
                return NOT_AN_ADDRESS;
            }
            i++;
            int digit = i < to ? b[i] - '0' : -1;
            if (digit >= 0 && digit <= 9) {
                octet = octet * 10 + digit;
                i++;
                digit = i < to ? b[i] - '0' : -1;
                if (digit >= 0 && digit <= 9) {
                    octet = octet * 10 + digit;
                    i++;
                    if (octet > 255) {
                        return NOT_AN_ADDRESS;
                    }
                }
            }
            value = value << 8 | octet;
        }
        return i == to ? value & 0xffffffffL : NOT_AN_ADDRESS;
    }

    public static long parse(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return parse(bytes, 0, bytes.length);
    }

    public static boolean isValid(long parsed) {
        return (parsed >>> 32) == 0;
    }

    public static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }
}
