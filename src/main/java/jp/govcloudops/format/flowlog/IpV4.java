package jp.govcloudops.format.flowlog;

/** Dotted-quad IPv4 addresses as ints, parsed straight from bytes. */
public final class IpV4 {

    private IpV4() {
    }

    /** Parses bytes {@code [from, to)}; returns a long with bit 32 set when the text is not an IPv4 address. */
    public static long parse(byte[] b, int from, int to) {
        int value = 0;
        int octet = 0;
        int digits = 0;
        int dots = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                octet = octet * 10 + (c - '0');
                if (++digits > 3 || octet > 255) {
                    return 1L << 32;
                }
            } else if (c == '.' && digits > 0 && dots < 3) {
                value = (value << 8) | octet;
                octet = 0;
                digits = 0;
                dots++;
            } else {
                return 1L << 32;
            }
        }
        if (dots != 3 || digits == 0) {
            return 1L << 32;
        }
        return ((value << 8) | octet) & 0xffffffffL;
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
