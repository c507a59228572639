package jp.govcloudops.format.flowlog;

/**
 * What the flow-log fields that ingestion reads may hold, after AWS's description of the fields ("Flow log
 * records" in the VPC user guide); {@code -} (absent) is allowed everywhere and is checked by the readers before
 * these rules. Both readers check by these rules on the values they have already parsed or on the bytes they have
 * already located: no pattern matching, no allocation. Fields nothing reads (vpc-id, type, flow-direction,
 * traffic-path, the ECS and transit gateway fields, ...) are neither stored nor checked.
 */
final class FlowValues {

    static final long MAX_PORT = 65_535;
    static final long MAX_PROTOCOL = 255;
    static final long MAX_TCP_FLAGS = 255;
    private static final byte[] ACCEPT = bytes("ACCEPT");
    private static final byte[] REJECT = bytes("REJECT");
    private static final byte[] OK = bytes("OK");
    private static final byte[] NODATA = bytes("NODATA");
    private static final byte[] SKIPDATA = bytes("SKIPDATA");
    private static final byte[] UNKNOWN = bytes("unknown");
    private static final byte[] ENI = bytes("eni-");

    private FlowValues() {
    }

    /** The least value of a number field; time fields are bounded by the object's folder date instead. */
    static long lowest(FlowField field) {
        return field == FlowField.VERSION ? 2 : 0;
    }

    /** The greatest value of a number field. */
    static long highest(FlowField field) {
        return switch (field) {
            case VERSION -> 99;
            case SRCPORT, DSTPORT -> MAX_PORT;
            case PROTOCOL -> MAX_PROTOCOL;
            case TCP_FLAGS -> MAX_TCP_FLAGS;
            default -> Long.MAX_VALUE;
        };
    }

    /** Whether the text field's value {@code b[from, to)} (not "-") is one the field may hold. */
    static boolean isAllowed(FlowField field, byte[] b, int from, int to) {
        int length = to - from;
        return switch (field) {
            case ACTION -> length == 6 && (same(b, from, ACCEPT) || same(b, from, REJECT));
            case LOG_STATUS -> length == 2 ? same(b, from, OK) : length == 6 ? same(b, from, NODATA)
                    : length == 8 && same(b, from, SKIPDATA);
            // An interface created by an AWS service may be recorded with the account "unknown".
            case ACCOUNT_ID -> length == 12 ? digits(b, from, to) : length == 7 && same(b, from, UNKNOWN);
            case INTERFACE_ID -> length > 4 && same(b, from, ENI) && lowerCaseLettersAndDigits(b, from + 4, to);
            default -> true;
        };
    }

    /** What a text field may hold, for a quarantine reason. */
    static String allowed(FlowField field) {
        return switch (field) {
            case ACTION -> "ACCEPT, REJECT or -";
            case LOG_STATUS -> "OK, NODATA, SKIPDATA or -";
            case ACCOUNT_ID -> "a 12-digit account id, unknown or -";
            case INTERFACE_ID -> "a network interface id (eni-...) or -";
            default -> "-";
        };
    }

    /** The range of a number field, for a quarantine reason. */
    static String range(FlowField field) {
        long highest = highest(field);
        return lowest(field) + " to " + (highest == Long.MAX_VALUE ? "any" : String.valueOf(highest));
    }

    /** Whether a NODATA or SKIPDATA record: one that legitimately carries no traffic numbers. */
    static boolean isWithoutTraffic(String logStatus) {
        return "NODATA".equals(logStatus) || "SKIPDATA".equals(logStatus);
    }

    private static boolean same(byte[] b, int from, byte[] expected) {
        for (int k = 0; k < expected.length; k++) {
            if (b[from + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerCaseLettersAndDigits(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if ((c < '0' || c > '9') && (c < 'a' || c > 'z')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
