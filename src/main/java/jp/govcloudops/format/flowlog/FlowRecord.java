package jp.govcloudops.format.flowlog;

import jp.govcloudops.format.IpV4;
import java.nio.charset.Charset;
import java.util.Arrays;

import jp.govcloudops.format.IpLiterals;

/**
 * One flow-log record, reused from record to record by the readers: copy what you keep. Numbers that were absent
 * ({@code -}) read as {@link #ABSENT}. Addresses are kept as parsed IPv4 values where possible, so classifying
 * traffic needs no String per record; {@link #srcAddr()} builds the text on demand.
 */
public final class FlowRecord {

    public static final long ABSENT = -1;

    // Slots of the text and number fields the aggregates and detections use. Readers store by slot, so the
    // text reader's per-field step is an array store rather than a dispatch on the field.
    static final int ACCOUNT_ID = 0;
    static final int INTERFACE_ID = 1;
    static final int ACTION = 2;
    static final int LOG_STATUS = 3;
    static final int TEXT_SLOTS = 4;
    static final int SRCPORT = 0;
    static final int DSTPORT = 1;
    static final int PROTOCOL = 2;
    static final int PACKETS = 3;
    static final int BYTES = 4;
    static final int START = 5;
    static final int END = 6;
    static final int TCP_FLAGS = 7;
    static final int NUMBER_SLOTS = 8;

    long position;
    final String[] texts = new String[TEXT_SLOTS];
    final long[] numbers = new long[NUMBER_SLOTS];
    private final TextAt srcText = new TextAt();
    private final TextAt dstText = new TextAt();
    private byte[] srcAddrBytes;
    private byte[] dstAddrBytes;
    int srcAddrV4;
    int dstAddrV4;
    boolean srcIsV4;
    boolean dstIsV4;

    /**
     * The text reader's current line: every field as written, for consumers that keep whole records (the archive).
     * {@code columnOf} maps a field's ordinal to its column in the file, -1 when the file does not have it; null when
     * the record did not come from a text line (Parquet).
     */
    private int[] columnOf;
    private byte[] line;
    private int[] fieldStarts;
    private int[] fieldEnds;

    void bindColumns(int[] columnOf) {
        this.columnOf = columnOf;
    }

    void line(byte[] line, int[] starts, int[] ends) {
        this.line = line;
        this.fieldStarts = starts;
        this.fieldEnds = ends;
    }

    /**
     * Whether the field's value as written is available: the record came from a text line with a column for the
     * field. Then {@link #fieldBytes()}, {@link #fieldStart} and {@link #fieldEnd} give it ({@code -} for absent).
     */
    public boolean hasFieldText(FlowField field) {
        return columnOf != null && columnOf[field.ordinal()] >= 0;
    }

    /** Whether the record came from a text line, whose fields {@link #hasFieldText} can give. */
    public boolean fromText() {
        return columnOf != null;
    }

    public byte[] fieldBytes() {
        return line;
    }

    public int fieldStart(FlowField field) {
        return fieldStarts[columnOf[field.ordinal()]];
    }

    public int fieldEnd(FlowField field) {
        return fieldEnds[columnOf[field.ordinal()]];
    }

    void clear() {
        Arrays.fill(texts, null);
        Arrays.fill(numbers, ABSENT);
        clearSource();
        clearDestination();
    }

    void clearSource() {
        srcIsV4 = false;
        srcText.set(null, 0, 0, null);
        srcAddrBytes = null;
    }

    void clearDestination() {
        dstIsV4 = false;
        dstText.set(null, 0, 0, null);
        dstAddrBytes = null;
    }

    /**
     * The source address from its bytes {@code [from, to)}: an IPv4 int where it is one, else its bytes (IPv6) and,
     * when asked for, its text.
     */
    void setSource(byte[] b, int from, int to, Charset charset) {
        long parsed = IpV4.parse(b, from, to);
        srcIsV4 = IpV4.isValid(parsed);
        srcAddrV4 = (int) parsed;
        srcText.set(srcIsV4 ? null : b, from, to, charset);
        srcAddrBytes = srcIsV4 ? null : IpLiterals.v6(b, from, to);
    }

    /**
     * The destination address from its bytes {@code [from, to)}: an IPv4 int where it is one, else its bytes (IPv6)
     * and, when asked for, its text.
     */
    void setDestination(byte[] b, int from, int to, Charset charset) {
        long parsed = IpV4.parse(b, from, to);
        dstIsV4 = IpV4.isValid(parsed);
        dstAddrV4 = (int) parsed;
        dstText.set(dstIsV4 ? null : b, from, to, charset);
        dstAddrBytes = dstIsV4 ? null : IpLiterals.v6(b, from, to);
    }

    /**
     * Where an address that is not IPv4 is in the reader's bytes, valid while the record is: its String is made only
     * when something asks for it (the detections do, the aggregates do not), then kept until the next address.
     */
    private static final class TextAt {
        private byte[] bytes;
        private int from;
        private int to;
        private Charset charset;
        private String text;

        void set(byte[] bytes, int from, int to, Charset charset) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            this.charset = charset;
            text = null;
        }

        String text() {
            if (text == null && bytes != null) {
                text = new String(bytes, from, to - from, charset);
            }
            return text;
        }
    }

    /** The text slot of a field, or -1 when no aggregate uses it. */
    static int textSlot(FlowField field) {
        return switch (field) {
            case ACCOUNT_ID -> ACCOUNT_ID;
            case INTERFACE_ID -> INTERFACE_ID;
            case ACTION -> ACTION;
            case LOG_STATUS -> LOG_STATUS;
            default -> -1;
        };
    }

    /** The number slot of a field, or -1 when no aggregate uses it. */
    static int numberSlot(FlowField field) {
        return switch (field) {
            case SRCPORT -> SRCPORT;
            case DSTPORT -> DSTPORT;
            case PROTOCOL -> PROTOCOL;
            case PACKETS -> PACKETS;
            case BYTES -> BYTES;
            case START -> START;
            case END -> END;
            case TCP_FLAGS -> TCP_FLAGS;
            default -> -1;
        };
    }

    /** Sets a text field the aggregates use; other fields are ignored. */
    void setText(FlowField field, String value) {
        int slot = textSlot(field);
        if (slot >= 0) {
            texts[slot] = value;
        }
    }

    /** Line number (text) or row number (Parquet) in the file, both from 1. */
    public long position() {
        return position;
    }

    public String accountId() {
        return texts[ACCOUNT_ID];
    }

    public String interfaceId() {
        return texts[INTERFACE_ID];
    }

    public String action() {
        return texts[ACTION];
    }

    public String logStatus() {
        return texts[LOG_STATUS];
    }

    public boolean srcIsV4() {
        return srcIsV4;
    }

    public boolean dstIsV4() {
        return dstIsV4;
    }

    public int srcAddrV4() {
        return srcAddrV4;
    }

    public int dstAddrV4() {
        return dstAddrV4;
    }

    public String srcAddr() {
        return srcIsV4 ? IpV4.format(srcAddrV4) : srcText.text();
    }

    public String dstAddr() {
        return dstIsV4 ? IpV4.format(dstAddrV4) : dstText.text();
    }

    /** A source address that is not IPv4: its 16 bytes, 4 for an IPv4-mapped one; null when absent or not an IP. */
    public byte[] srcAddrBytes() {
        return srcAddrBytes;
    }

    /** A destination address that is not IPv4: as {@link #srcAddrBytes()}. */
    public byte[] dstAddrBytes() {
        return dstAddrBytes;
    }

    public long srcPort() {
        return numbers[SRCPORT];
    }

    public long dstPort() {
        return numbers[DSTPORT];
    }

    public long protocol() {
        return numbers[PROTOCOL];
    }

    public long packets() {
        return numbers[PACKETS];
    }

    public long bytes() {
        return numbers[BYTES];
    }

    /** Start of the capture window in epoch seconds, or ABSENT. */
    public long start() {
        return numbers[START];
    }

    public long end() {
        return numbers[END];
    }

    public long tcpFlags() {
        return numbers[TCP_FLAGS];
    }
}
