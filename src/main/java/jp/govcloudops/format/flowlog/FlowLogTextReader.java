package jp.govcloudops.format.flowlog;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.StringCache;
import jp.govcloudops.format.UnreadableInputException;

/**
 * Reads space-separated flow-log text by its header line, in whatever field order the flow log's creator chose.
 * A file whose first line is not a header is read in the default version-2 order. A line with the wrong number of
 * fields or a non-numeric number goes to the quarantine; the file goes on.
 *
 * <p>Works on bytes. A line as AWS writes it (fields separated by single spaces) is split eight bytes at a time,
 * then only the columns something uses are read: numbers eight digits at a time, texts from the column's last value
 * or a cache, addresses located for parsing. Any other line goes through a byte-at-a-time scan that also collapses
 * runs of blanks. Repeating strings come from a cache, so a record costs no allocation. Both paths are shaped for
 * the deployed C1 compiler, which inlines little and has no intrinsic for the bit tricks (docs/benchmarks.md).
 */
public final class FlowLogTextReader {

    private static final int INITIAL_BUFFER = 256 * 1024;
    /** Bytes after the sentinel that a word read may touch. */
    private static final int PAD = 8;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ZEROS = 0x3030303030303030L;
    /** Values of text columns up to this length are remembered per column (the next line usually repeats them). */
    private static final int MEMO_MAX = 64;
    private static final int MAX_LINE = 4 * 1024 * 1024;
    private static final Pattern HEADER_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    // What a column holds, which decides how its bytes are scanned.
    private static final byte SKIPPED = 0;
    private static final byte TEXT = 1;
    private static final byte NUMBER = 2;
    private static final byte ADDRESS = 3;
    // Address columns, by index into addressStarts and addressEnds.
    private static final int SRC = 0;
    private static final int DST = 1;
    private static final int PKT_SRC = 2;
    private static final int PKT_DST = 3;

    private final StringCache strings = new StringCache(1 << 14);
    private final FlowRecord record = new FlowRecord();

    /**
     * Read bytes are {@code [0, limit)}; {@code buffer[limit]} is always a '\n' sentinel, so scans need no bound, and
     * {@link #PAD} more bytes follow it so that a word read starting at or before the sentinel stays in the array.
     */
    private byte[] buffer = new byte[INITIAL_BUFFER + 1 + PAD];
    private int position;
    private int limit;
    private boolean endOfInput;
    private InputStream in;

    private FlowField[] columns;
    /** Per column: what it holds, and its slot in the record (or its address index). */
    private byte[] kinds;
    private int[] slots;
    /** The columns something uses (not SKIPPED), with their kinds and slots: what {@link #readFields} reads. */
    private int[] usedColumns;
    private byte[] usedKinds;
    private int[] usedSlots;
    private boolean headerLine;

    // What the last scanned line held.
    private int fieldCount;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private FlowField problemField;
    private int problemStart;
    private int problemEnd;
    /** Where each address column's value is in the line; start -1 when absent. */
    private final int[] addressStarts = new int[4];
    private final int[] addressEnds = new int[4];
    /** Per text column: the last value read and its bytes (with room for a word read past the end). */
    private String[] memoValues;
    private byte[][] memoBytes;
    private int[] memoLengths;

    /** Reads every line; returns the number of records (data lines) in the file. */
    public long read(InputStream decompressed, long fallbackStart, Consumer<FlowRecord> records, Quarantine quarantine) {
        this.in = decompressed;
        position = limit = 0;
        buffer[0] = '\n';
        endOfInput = false;
        columns = null;
        long lineNumber = 0;
        long recordCount = 0;
        try {
            while (true) {
                int lineStart = position;
                int newline = columns == null ? split(lineStart) : scanRecord(lineStart);
                if (newline == limit && !endOfInput) {
                    readMore(); // the line goes on past what has been read: read on, then scan it again
                    continue;
                }
                if (newline == lineStart && newline == limit) {
                    break;
                }
                lineNumber++;
                position = newline < limit ? newline + 1 : limit;
                int lineEnd = newline > lineStart && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                if (fieldCount == 0) {
                    continue;
                }
                if (columns == null) {
                    FlowField[] named = header(fieldCount);
                    headerLine = named != null;
                    if (headerLine) {
                        bind(named);
                        continue;
                    }
                    if (number(starts[0], ends[0]) == Long.MIN_VALUE) {
                        throw new UnreadableInputException("line " + lineNumber, "not a flow-log text file: the first"
                                + " line is neither a header nor a version-2 record: '" + excerpt(lineStart, lineEnd)
                                + "'", null);
                    }
                    bind(FlowField.DEFAULT_V2.toArray(new FlowField[0]));
                    position = lineStart; // the first line is data: read it again as a record
                    lineNumber--;
                    continue;
                }
                recordCount++;
                if (fieldCount != columns.length) {
                    quarantine.reject("line " + lineNumber, fieldCount + " fields where the "
                            + (headerLine ? "header" : "default version 2 format") + " names " + columns.length,
                            excerpt(lineStart, lineEnd));
                    continue;
                }
                if (problemField != null) {
                    quarantine.reject("line " + lineNumber, "field " + problemField.headerName()
                            + " is not a number: '" + new String(buffer, problemStart,
                                    Math.min(problemEnd - problemStart, 64), StandardCharsets.ISO_8859_1) + "'",
                            excerpt(lineStart, lineEnd));
                    continue;
                }
                setAddresses();
                record.position = lineNumber;
                if (record.numbers[FlowRecord.START] == FlowRecord.ABSENT) {
                    record.numbers[FlowRecord.START] = fallbackStart;
                }
                records.accept(record);
            }
        } catch (IOException e) {
            throw new UnreadableInputException("line " + (lineNumber + 1),
                    "input ends or breaks off after " + recordCount + " records: " + e.getMessage(), e);
        }
        return recordCount;
    }

    /** Moves the unread bytes to the front, grows the buffer for a long line, and reads at least one more byte. */
    private void readMore() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length - 1 - PAD) {
            if (limit >= MAX_LINE) {
                throw new IOException("a line longer than " + MAX_LINE + " bytes: not a flow-log text file");
            }
            buffer = Arrays.copyOf(buffer, limit * 2 + 1 + PAD);
        }
        int n;
        do {
            n = in.read(buffer, limit, buffer.length - 1 - PAD - limit);
        } while (n == 0);
        if (n < 0) {
            endOfInput = true;
        } else {
            limit += n;
        }
        buffer[limit] = '\n';
    }

    /** Field ends: space, tab, the newline, or a carriage return right before it. */
    private static boolean endsField(byte[] b, int i) {
        byte c = b[i];
        return c == ' ' || c == '\t' || c == '\n' || (c == '\r' && b[i + 1] == '\n');
    }

    /** The index of the first byte at or after {@code i} that ends the field. */
    private static int fieldEnd(byte[] b, int i) {
        while ((b[i] & 0xff) > ' ' || !endsField(b, i)) {
            i++;
        }
        return i;
    }

    /** The index of the first byte at or after {@code i} that is not a separator (a field, or the line's end). */
    private static int nextField(byte[] b, int i) {
        while (b[i] == ' ' || b[i] == '\t') {
            i++;
        }
        return i;
    }

    private static boolean isLineEnd(byte[] b, int i) {
        return b[i] == '\n' || (b[i] == '\r' && b[i + 1] == '\n');
    }

    /** Splits a line into {@link #starts} and {@link #ends} (the first line, header or not); returns the newline. */
    private int split(int i) {
        byte[] b = buffer;
        int count = 0;
        while (true) {
            i = nextField(b, i);
            if (isLineEnd(b, i)) {
                break;
            }
            int end = fieldEnd(b, i);
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = i;
            ends[count] = end;
            count++;
            i = end;
        }
        fieldCount = count;
        return b[i] == '\n' ? i : i + 1;
    }

    private void bind(FlowField[] named) {
        // Each line writes every slot its columns fill (or is rejected); the others stay absent from here on.
        record.clear();
        columns = named;
        kinds = new byte[named.length];
        slots = new int[named.length];
        for (int c = 0; c < named.length; c++) {
            FlowField field = named[c];
            int text = field == null ? -1 : FlowRecord.textSlot(field);
            int number = field == null ? -1 : FlowRecord.numberSlot(field);
            int address = field == null ? -1 : switch (field) {
                case SRCADDR -> SRC;
                case DSTADDR -> DST;
                case PKT_SRCADDR -> PKT_SRC;
                case PKT_DSTADDR -> PKT_DST;
                default -> -1;
            };
            kinds[c] = text >= 0 ? TEXT : number >= 0 ? NUMBER : address >= 0 ? ADDRESS : SKIPPED;
            slots[c] = Math.max(text, Math.max(number, address));
        }
        int usedCount = 0;
        for (byte kind : kinds) {
            usedCount += kind == SKIPPED ? 0 : 1;
        }
        usedColumns = new int[usedCount];
        usedKinds = new byte[usedCount];
        usedSlots = new int[usedCount];
        for (int c = 0, u = 0; c < named.length; c++) {
            if (kinds[c] != SKIPPED) {
                usedColumns[u] = c;
                usedKinds[u] = kinds[c];
                usedSlots[u] = slots[c];
                u++;
            }
        }
        memoValues = new String[named.length];
        memoBytes = new byte[named.length][];
        memoLengths = new int[named.length];
        for (int c = 0; c < named.length; c++) {
            memoBytes[c] = kinds[c] == TEXT ? new byte[MEMO_MAX + PAD] : null;
            memoLengths[c] = -1;
        }
    }

    /**
     * Reads a data line into {@link #record}; returns the index of its newline. A line whose fields are separated by
     * single spaces (every line AWS writes) is split a word at a time and then read field by field; any other line
     * (tabs, runs of spaces, a carriage return inside it, control bytes) takes the byte-at-a-time scan.
     */
    private int scanRecord(int lineStart) {
        int newline = splitWords(lineStart);
        if (newline < 0) {
            return scanBytes(lineStart);
        }
        if (newline == limit && !endOfInput) {
            return newline; // cut off by the end of the read bytes: the caller reads on and scans the line again
        }
        if (fieldCount == kinds.length) {
            readFields();
        }
        return newline;
    }

    /**
     * Finds the line's fields into {@link #starts} and {@link #ends} eight bytes at a time: the separators of a word
     * come out of a few arithmetic steps rather than a compare and branch per byte, which under the deployed C1
     * compiler was most of the scan's cost (docs/benchmarks.md). Returns the newline's index, or -1 when the line
     * needs {@link #scanBytes}: a separator other than one space (or the CR of a CRLF), an empty field, or more
     * fields than {@link #starts} holds.
     */
    private int splitWords(int lineStart) {
        final byte[] b = buffer;
        final int[] fieldStarts = starts;
        final int[] fieldEnds = ends;
        int count = 0;
        int fieldStart = lineStart;
        for (int i = lineStart; ; i += 8) {
            long word = (long) WORDS.get(b, i);
            // The high bit of each byte at or below ' ' (space, tab, CR, LF, other control bytes).
            long separators = ~((word & ~HIGH_BITS) + 0x5f * ONES | word) & HIGH_BITS;
            while (separators != 0) {
                int at = i + lowestByte(separators);
                if (at == fieldStart || count == fieldStarts.length) {
                    return -1;
                }
                fieldStarts[count] = fieldStart;
                fieldEnds[count] = at;
                count++;
                byte c = b[at];
                if (c != ' ') {
                    fieldCount = count;
                    if (c == '\n') {
                        return at;
                    }
                    return c == '\r' && b[at + 1] == '\n' ? at + 1 : -1;
                }
                fieldStart = at + 1;
                separators &= separators - 1;
            }
        }
    }

    /**
     * The index (0-7) of the lowest byte whose high bit is set in a word of high bits. Not
     * Long.numberOfTrailingZeros: C1 in Java 17 does not compile that to one instruction but calls its Java code.
     */
    private static int lowestByte(long highBits) {
        long lowest = highBits & -highBits;
        return (int) (((lowest >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /**
     * Reads the fields {@link #splitWords} found into {@link #record}: only the columns something uses. The common
     * cases are written inline, without calls: C1 inlines only methods under 35 bytecodes, and each call it leaves
     * spills and reloads every live value (docs/benchmarks.md). A number of up to 16 digits is checked and converted
     * a word at a time; a text that repeats its column's last value is recognised by comparing words.
     */
    private void readFields() {
        final byte[] b = buffer;
        final int[] used = usedColumns;
        final byte[] kind = usedKinds;
        final int[] slot = usedSlots;
        final int[] fieldStarts = starts;
        final int[] fieldEnds = ends;
        final FlowRecord r = record;
        problemField = null;
        final int[] addresses = addressStarts;
        addresses[SRC] = addresses[DST] = addresses[PKT_SRC] = addresses[PKT_DST] = -1;
        for (int u = 0; u < used.length; u++) {
            int column = used[u];
            int s = fieldStarts[column];
            int e = fieldEnds[column];
            int length = e - s;
            switch (kind[u]) {
                case TEXT -> {
                    byte[] memo = memoBytes[column];
                    boolean same = length == memoLengths[column];
                    int k = 0;
                    for (; same && k + 8 <= length; k += 8) {
                        same = (long) WORDS.get(b, s + k) == (long) WORDS.get(memo, k);
                    }
                    if (same && k < length) {
                        same = (((long) WORDS.get(b, s + k) ^ (long) WORDS.get(memo, k))
                                & -1L >>> (64 - 8 * (length - k))) == 0;
                    }
                    r.texts[slot[u]] = same ? memoValues[column] : text(column, s, e);
                }
                case NUMBER -> {
                    // The digits, moved to the top of one or two words behind '0' fill: high holds all but the
                    // last eight, low the last eight (or all, for eight or fewer).
                    int lowLength = length <= 8 ? length : 8;
                    int shift = 8 * (8 - lowLength);
                    long low = (long) WORDS.get(b, e - lowLength) << shift | ZEROS & ~(-1L << shift);
                    long high = ZEROS;
                    if (length > 8) {
                        shift = 8 * (16 - length);
                        high = length > 16 ? 0 : (long) WORDS.get(b, s) << shift | ZEROS & ~(-1L << shift);
                    }
                    // Each byte of a word is a digit when its high nibble is 3 and stays 3 after adding 6.
                    long wrong = ((low & 0xf0 * ONES | (low + 0x06 * ONES & 0xf0 * ONES) >>> 4) ^ 0x33 * ONES)
                            | ((high & 0xf0 * ONES | (high + 0x06 * ONES & 0xf0 * ONES) >>> 4) ^ 0x33 * ONES);
                    long value;
                    if (wrong == 0) {
                        // Pairs, fours, then eights of digits, combined by multiplication.
                        low = (low & 0x0f * ONES) * (256 * 10 + 1) >>> 8;
                        low = (low & 0x00ff00ff00ff00ffL) * (65536 * 100 + 1) >>> 16;
                        low = (low & 0x0000ffff0000ffffL) * (4294967296L * 10000 + 1) >>> 32;
                        if (length > 8) {
                            high = (high & 0x0f * ONES) * (256 * 10 + 1) >>> 8;
                            high = (high & 0x00ff00ff00ff00ffL) * (65536 * 100 + 1) >>> 16;
                            high = (high & 0x0000ffff0000ffffL) * (4294967296L * 10000 + 1) >>> 32;
                            low += high * 100_000_000L;
                        }
                        value = low;
                    } else {
                        value = longNumber(b, s, e);
                    }
                    if (value < 0) {
                        if (length == 1 && b[s] == '-') {
                            value = FlowRecord.ABSENT;
                        } else {
                            noteProblem(column, s, e);
                            continue;
                        }
                    }
                    r.numbers[slot[u]] = value;
                }
                default -> { // ADDRESS
                    if (length != 1 || b[s] != '-') {
                        addresses[slot[u]] = s;
                        addressEnds[slot[u]] = e;
                    }
                }
            }
        }
    }

    /**
     * A number of 17 or 18 digits, which the word-at-a-time check in {@link #readFields} leaves to this loop; -1 for
     * anything that is not 1 to 18 digits (shorter fields arrive here only when they are not digits).
     */
    private static long longNumber(byte[] b, int s, int e) {
        if (e - s < 17 || e - s > 18) {
            return -1;
        }
        long value = 0;
        for (int i = s; i < e; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * A text field's String from the cache, hashed byte by byte, when it is not its column's last value (account,
     * interface, action and status mostly repeat it from line to line); it becomes the column's last value.
     */
    private String text(int column, int s, int e) {
        final byte[] b = buffer;
        int length = e - s;
        if (length == 1 && b[s] == '-') {
            return null;
        }
        byte[] memo = memoBytes[column];
        int hash = 0;
        int bits = 0;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            hash = 31 * hash + c;
            bits |= c;
        }
        String value = bits >= 0 ? strings.getAscii(b, s, e, hash) : strings.get(b, s, e);
        if (length <= MEMO_MAX) {
            System.arraycopy(b, s, memo, 0, length);
            memoLengths[column] = length;
            memoValues[column] = value;
        }
        return value;
    }

    /**
     * Scans a data line into {@link #record} byte by byte, in one pass; returns the index of its newline. Written as
     * one method with the byte loops inline and the columns' kinds and slots in tables: the deployed JVM compiles
     * with C1 only, which inlines little, and the calls per field (field end, enum switch, setters) cost 13% of the
     * per-record path (docs/benchmarks.md).
     */
    private int scanBytes(int i) {
        final byte[] b = buffer;
        final byte[] kind = kinds;
        final int[] slot = slots;
        final int known = kind.length;
        final FlowRecord r = record;
        final String[] texts = r.texts;
        final long[] numbers = r.numbers;
        problemField = null;
        final int[] addresses = addressStarts;
        addresses[SRC] = addresses[DST] = addresses[PKT_SRC] = addresses[PKT_DST] = -1;
        int count = 0;
        while (true) {
            byte c = b[i];
            while (c == ' ' || c == '\t') {
                c = b[++i];
            }
            if (c == '\n' || (c == '\r' && b[i + 1] == '\n')) {
                break;
            }
            int s = i;
            int column = count++;
            switch (column < known ? kind[column] : SKIPPED) {
                case TEXT -> {
                    int hash = 0;
                    int bits = 0;
                    while ((c & 0xff) > ' ') {
                        hash = 31 * hash + c;
                        bits |= c;
                        c = b[++i];
                    }
                    boolean plain = c == ' ' || endsField(b, i);
                    if (!plain) {
                        i = fieldEnd(b, i); // a control character inside the field: rare, hashed again below
                    }
                    if (i == limit && !endOfInput) {
                        continue; // cut off by the end of the read bytes: scanned again whole after the refill
                    }
                    String value;
                    if (i - s == 1 && b[s] == '-') {
                        value = null;
                    } else if (plain && bits >= 0) {
                        value = strings.getAscii(b, s, i, hash);
                    } else {
                        value = strings.get(b, s, i);
                    }
                    texts[slot[column]] = value;
                }
                case NUMBER -> {
                    long value = 0;
                    while (c >= '0' && c <= '9') {
                        value = value * 10 + (c - '0');
                        c = b[++i];
                    }
                    if (i == s || i - s > 18 || (c != ' ' && !endsField(b, i))) {
                        i = fieldEnd(b, i);
                        if (i - s == 1 && b[s] == '-') {
                            value = FlowRecord.ABSENT;
                        } else {
                            noteProblem(column, s, i);
                            continue;
                        }
                    }
                    numbers[slot[column]] = value;
                }
                case ADDRESS -> {
                    while ((c & 0xff) > ' ') {
                        c = b[++i];
                    }
                    if (c != ' ' && !endsField(b, i)) {
                        i = fieldEnd(b, i);
                    }
                    if (i - s != 1 || b[s] != '-') {
                        addresses[slot[column]] = s;
                        addressEnds[slot[column]] = i;
                    }
                }
                default -> {
                    while ((c & 0xff) > ' ') {
                        c = b[++i];
                    }
                    if (c != ' ' && !endsField(b, i)) {
                        i = fieldEnd(b, i);
                    }
                }
            }
        }
        fieldCount = count;
        return b[i] == '\n' ? i : i + 1;
    }

    /** Remembers the line's first number field that is not a number, for the quarantine's message. */
    private void noteProblem(int column, int s, int e) {
        if (problemField == null) {
            problemField = columns[column];
            problemStart = s;
            problemEnd = e;
        }
    }

    /** The packet-level addresses, where present, name the real endpoints behind NAT gateways and middleboxes. */
    private void setAddresses() {
        int source = addressStarts[PKT_SRC] >= 0 ? PKT_SRC : SRC;
        if (addressStarts[source] >= 0) {
            record.setSource(buffer, addressStarts[source], addressEnds[source], StandardCharsets.ISO_8859_1);
        } else {
            record.clearSource();
        }
        int destination = addressStarts[PKT_DST] >= 0 ? PKT_DST : DST;
        if (addressStarts[destination] >= 0) {
            record.setDestination(buffer, addressStarts[destination], addressEnds[destination],
                    StandardCharsets.ISO_8859_1);
        } else {
            record.clearDestination();
        }
    }

    /** The columns named by a header line, or null when the first line is data. */
    private FlowField[] header(int fieldCount) {
        List<FlowField> named = new ArrayList<>(fieldCount);
        boolean anyKnown = false;
        for (int f = 0; f < fieldCount; f++) {
            String name = new String(buffer, starts[f], ends[f] - starts[f], StandardCharsets.ISO_8859_1);
            if (!HEADER_NAME.matcher(name).matches()) {
                return null;
            }
            FlowField field = FlowField.byName(name);
            anyKnown |= field != null;
            named.add(field);
        }
        return anyKnown ? named.toArray(new FlowField[0]) : null;
    }

    /** Non-negative decimal, or Long.MIN_VALUE when not a number. */
    private long number(int s, int e) {
        if (e - s > 18 || e == s) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int i = s; i < e; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                return Long.MIN_VALUE;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private String excerpt(int from, int to) {
        return new String(buffer, from, Math.min(to - from, 300), StandardCharsets.UTF_8);
    }
}
