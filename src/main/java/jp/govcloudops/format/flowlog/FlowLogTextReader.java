package jp.govcloudops.format.flowlog;

import jp.govcloudops.format.IpV4;
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

import jp.govcloudops.format.ByteWords;
import jp.govcloudops.format.IpLiterals;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.RecordLimits;
import jp.govcloudops.format.StringCache;
import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.UnreadableInputException;

/**
 * Reads space-separated flow-log text by its header line, in whatever field order the flow log's creator chose.
 * A file whose first line is not a header is read in the default version-2 order; a header line repeated further
 * down (some exporters write one before every record) binds the order again and is not a record. A line goes to
 * the quarantine, naming the field and its value, when it has the wrong number of fields or a value its field may
 * not hold ({@link FlowValues}: numbers in range, start and end within the object's {@link TimeWindow}, actions and
 * statuses AWS writes, IP addresses), or when it is longer than the record bound; the file goes on. Lines count
 * from 1.
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
    private static final int EXCERPT_BYTES = 300;
    private static final Pattern HEADER_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    // What a column holds, which decides how its bytes are scanned.
    private static final byte SKIPPED = 0;
    private static final byte TEXT = 1;
    private static final byte NUMBER = 2;
    private static final byte ADDRESS = 3;
    /** Text values remembered per column as having passed its check (by the cache's instance, per hash slot). */
    private static final int CHECKED_VALUES = 64;
    // Address columns, by index into addressStarts and addressEnds: a packet-level column is its plain one + 2.
    private static final int SRC = 0;
    private static final int DST = 1;
    private static final int PKT_SRC = 2;
    private static final int PKT_DST = 3;
    private static final FlowField[] ADDRESS_FIELDS = {FlowField.SRCADDR, FlowField.DSTADDR, FlowField.PKT_SRCADDR,
        FlowField.PKT_DSTADDR};
    // What is wrong with a line's first bad value.
    private static final byte NONE = 0;
    private static final byte NOT_A_NUMBER = 1;
    private static final byte OUT_OF_RANGE = 2;
    private static final byte NOT_ALLOWED = 3;
    private static final byte NOT_AN_ADDRESS = 4;

    private final StringCache strings = new StringCache(1 << 14);
    private final FlowRecord record = new FlowRecord();
    private final RecordLimits limits;
    private final int maxLine;
    private final byte[] v6Scratch = new byte[16];
    private TimeWindow window;

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
    /** The version's column, or -1: checked, not stored. */
    private int versionColumn;
    /** The object's window for start and end. */
    private long earliest;
    private long latest;
    /** The columns something uses (not SKIPPED), with their kinds and slots: what {@link #readFields} reads. */
    private int[] usedColumns;
    private byte[] usedKinds;
    private int[] usedSlots;
    private boolean headerLine;

    // What the last scanned line held.
    private int fieldCount;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private byte problem;
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
    /** Per text column: values that passed the column's check, by hash slot (the cache's instances). */
    private String[][] checkedValues;

    public FlowLogTextReader() {
        this(RecordLimits.DEFAULT);
    }

    public FlowLogTextReader(RecordLimits limits) {
        this.limits = limits;
        this.maxLine = limits.maxRecordBytes();
    }

    /**
     * Reads every line; returns the number of records (data lines) in the file. Records without a start take
     * {@code fallbackStart}; records whose start or end is outside {@code window} are quarantined.
     */
    public long read(InputStream decompressed, TimeWindow window, long fallbackStart, Consumer<FlowRecord> records,
            Quarantine quarantine) {
        this.in = decompressed;
        this.window = window;
        earliest = window.earliest();
        latest = window.latest();
        if (buffer.length > 4 * INITIAL_BUFFER + 1 + PAD) {
            buffer = new byte[INITIAL_BUFFER + 1 + PAD]; // an earlier object's long line is not kept for the next
        }
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
                    // The line goes on past what has been read: read on, then scan it again.
                    if (!readMore()) {
                        recordCount += tooLong(++lineNumber, position, quarantine);
                        skipLine();
                    }
                    continue;
                }
                if (newline == lineStart && newline == limit) {
                    break;
                }
                lineNumber++;
                position = newline < limit ? newline + 1 : limit;
                if (newline - lineStart > maxLine) { // a long line that fitted in the buffer
                    recordCount += tooLong(lineNumber, lineStart, quarantine);
                    continue;
                }
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
                int fields = fieldCount;
                // The values that have a range, checked here on the record's slots (absent values are -1) rather
                // than column by column as they are read, and without a call: a few compares per line.
                final long[] n = record.numbers;
                long start = n[FlowRecord.START];
                long end = n[FlowRecord.END];
                if (fields == columns.length && problem == NONE
                        && n[FlowRecord.SRCPORT] <= FlowValues.MAX_PORT && n[FlowRecord.DSTPORT] <= FlowValues.MAX_PORT
                        && n[FlowRecord.PROTOCOL] <= FlowValues.MAX_PROTOCOL
                        && n[FlowRecord.TCP_FLAGS] <= FlowValues.MAX_TCP_FLAGS
                        && (start == FlowRecord.ABSENT || start >= earliest && start <= latest)
                        && (end == FlowRecord.ABSENT || end >= earliest && end <= latest)
                        && (versionColumn < 0 || isVersion(starts[versionColumn], ends[versionColumn]))
                        && setAddresses()) {
                    recordCount++;
                    record.position = lineNumber;
                    if (record.numbers[FlowRecord.START] == FlowRecord.ABSENT) {
                        record.numbers[FlowRecord.START] = fallbackStart;
                    }
                    record.line(buffer, starts, ends);
                    records.accept(record);
                    continue;
                }
                // A header line inside the file: every one fails some field's rule, so only rejected lines are
                // looked at again.
                if (bindIfHeader(lineStart)) {
                    continue;
                }
                recordCount++;
                if (fields == columns.length && problem == NONE) { // a value outside its range
                    noteRangeProblem(lineStart);
                }
                quarantine.reject("line " + lineNumber, fields != columns.length ? fields + " fields where the "
                        + (headerLine ? "header" : "default version 2 format") + " names " + columns.length
                        : problemReason(), excerpt(lineStart, lineEnd));
            }
        } catch (IOException e) {
            throw new UnreadableInputException("line " + (lineNumber + 1),
                    "input ends or breaks off after " + recordCount + " records: " + e.getMessage(), e);
        }
        return recordCount;
    }

    /**
     * Moves the unread bytes to the front, grows the buffer for a long line, and reads at least one more byte;
     * false, reading nothing, when the buffer holds one unfinished line as long as the record bound.
     */
    private boolean readMore() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length - 1 - PAD) {
            if (limit >= maxLine) {
                return false;
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min(limit * 2L, maxLine) + 1 + PAD);
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
        return true;
    }

    /** Quarantines the line at {@code from} as too long (or refuses the file, if it is the first); returns 1. */
    private int tooLong(long lineNumber, int from, Quarantine quarantine) {
        String tooLong = "longer than " + RecordLimits.describe(limits.maxRecordBytes())
                + " (govcloud.ingest.max-record-size)";
        if (columns == null) {
            throw new UnreadableInputException("line " + lineNumber, "not a flow-log text file: its first line is "
                    + tooLong, null);
        }
        quarantine.reject("line " + lineNumber, "line too long to read: it is " + tooLong,
                excerpt(from, limit) + "...");
        return 1;
    }

    /** Drops the rest of a line too long to hold, reading on past its newline. */
    private void skipLine() throws IOException {
        int i = position;
        while (true) {
            while (i < limit && buffer[i] != '\n') {
                i++;
            }
            if (i < limit) {
                position = i + 1;
                return;
            }
            position = limit = 0;
            int n;
            do {
                n = in.read(buffer, 0, buffer.length - 1 - PAD);
            } while (n == 0);
            if (n < 0) {
                endOfInput = true;
                buffer[0] = '\n';
                return;
            }
            limit = n;
            buffer[limit] = '\n';
            i = 0;
        }
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
        versionColumn = Arrays.asList(named).indexOf(FlowField.VERSION);
        int[] columnOf = new int[FlowField.values().length];
        Arrays.fill(columnOf, -1);
        for (int c = named.length - 1; c >= 0; c--) {
            if (named[c] != null) {
                columnOf[named[c].ordinal()] = c;
            }
        }
        record.bindColumns(columnOf);
        if (starts.length < named.length) {
            starts = Arrays.copyOf(starts, named.length);
            ends = Arrays.copyOf(ends, named.length);
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
        checkedValues = new String[named.length][];
        for (int c = 0; c < named.length; c++) {
            memoBytes[c] = kinds[c] == TEXT ? new byte[MEMO_MAX + PAD] : null;
            checkedValues[c] = kinds[c] == TEXT ? new String[CHECKED_VALUES] : null;
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
                int at = i + ByteWords.lowestByte(separators);
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
        problem = NONE;
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
                            noteProblem(NOT_A_NUMBER, column, s, e);
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
     * interface, action and status mostly repeat it from line to line); it becomes the column's last value. A value
     * its field may not hold is noted as the line's problem and never becomes the last value, so the comparison with
     * the last value also stands for the check.
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
        // The cache hands out one instance per value, so a value checked once for this column is known by it.
        String[] checked = checkedValues[column];
        int at = hash & (CHECKED_VALUES - 1);
        if (checked[at] != value) {
            if (!FlowValues.isAllowed(columns[column], b, s, e)) {
                noteProblem(NOT_ALLOWED, column, s, e);
                return null;
            }
            checked[at] = value;
        }
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
        problem = NONE;
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
                    } else if (!FlowValues.isAllowed(columns[column], b, s, i)) {
                        noteProblem(NOT_ALLOWED, column, s, i);
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
                            noteProblem(NOT_A_NUMBER, column, s, i);
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
            if (column < known) { // where the word-at-a-time split would have put it, for the version check and
                starts[column] = s; // for consumers of the whole line
                ends[column] = i;
            }
        }
        fieldCount = count;
        return b[i] == '\n' ? i : i + 1;
    }

    /** One digit from 2 to 9, as AWS writes it; else, off the common path, "-" or a number up to 99. */
    private boolean isVersion(int s, int e) {
        byte c = buffer[s];
        return e - s == 1 ? c >= '2' && c <= '9' || c == '-' : isLongerVersion(s, e);
    }

    private boolean isLongerVersion(int s, int e) {
        long value = number(s, e);
        return value >= FlowValues.lowest(FlowField.VERSION) && value <= FlowValues.highest(FlowField.VERSION);
    }

    /**
     * Notes the line's first value, in column order, outside its range (ports, protocol and TCP flags by their
     * definition, start and end within the object's window, the version a small number), once the checks in
     * {@link #read} found there is one.
     */
    private void noteRangeProblem(int lineStart) {
        split(lineStart);
        for (int c = 0; c < columns.length && problem == NONE; c++) {
            FlowField field = columns[c];
            int s = starts[c];
            int e = ends[c];
            boolean time = field == FlowField.START || field == FlowField.END;
            boolean bounded = time || field != null && FlowValues.highest(field) != Long.MAX_VALUE;
            if (!bounded || e - s == 1 && buffer[s] == '-') {
                continue;
            }
            long value = number(s, e);
            if (value == Long.MIN_VALUE) {
                noteProblem(NOT_A_NUMBER, c, s, e); // only the version is not read as a number
            } else if (time ? !window.contains(value)
                    : value < FlowValues.lowest(field) || value > FlowValues.highest(field)) {
                noteProblem(OUT_OF_RANGE, c, s, e);
            }
        }
    }

    /** Remembers the line's first field that holds what it may not, for the quarantine's message. */
    private void noteProblem(byte kind, int column, int s, int e) {
        if (problem == NONE) {
            problem = kind;
            problemField = columns[column];
            problemStart = s;
            problemEnd = e;
        }
    }

    /** Why the line's first bad value is bad, naming the field and quoting the value. */
    private String problemReason() {
        String name = problemField.headerName();
        int length = problemEnd - problemStart;
        String value = new String(buffer, problemStart, Math.min(length, 64), StandardCharsets.UTF_8)
                + (length > 64 ? "..." : "");
        return switch (problem) {
            case NOT_A_NUMBER -> "field " + name + " is not a number: '" + value + "'";
            case OUT_OF_RANGE -> problemField == FlowField.START || problemField == FlowField.END
                    ? window.outsideEpochSeconds("field " + name, number(problemStart, problemEnd))
                    : "field " + name + " is " + value + ", outside " + FlowValues.range(problemField);
            case NOT_ALLOWED -> "field " + name + " is '" + value + "', not " + FlowValues.allowed(problemField);
            default -> "field " + name + " is '" + value + "', not an IPv4 or IPv6 address";
        };
    }

    /**
     * Sets the record's addresses: the packet-level ones, where present, name the real endpoints behind NAT gateways
     * and middleboxes. False, with the problem noted, when an address column holds something that is not an IP
     * address (the interface's own address behind a packet-level one too, though it is not used).
     */
    private boolean setAddresses() {
        int source = addressStarts[PKT_SRC] >= 0 ? PKT_SRC : SRC;
        if (addressStarts[source] >= 0) {
            record.setSource(buffer, addressStarts[source], addressEnds[source], StandardCharsets.ISO_8859_1);
            if (!record.srcIsV4 && record.srcAddrBytes() == null) {
                return notAnAddress(source);
            }
        } else {
            record.clearSource();
        }
        int destination = addressStarts[PKT_DST] >= 0 ? PKT_DST : DST;
        if (addressStarts[destination] >= 0) {
            record.setDestination(buffer, addressStarts[destination], addressEnds[destination],
                    StandardCharsets.ISO_8859_1);
            if (!record.dstIsV4 && record.dstAddrBytes() == null) {
                return notAnAddress(destination);
            }
        } else {
            record.clearDestination();
        }
        return (source == SRC || isAddressBehind(SRC)) && (destination == DST || isAddressBehind(DST));
    }

    /**
     * Whether the plain address column {@code a}, behind its packet-level one, is absent or an IP address: most
     * often it is the same text as the packet-level address, already parsed, which a word or two compare.
     */
    private boolean isAddressBehind(int a) {
        int s = addressStarts[a];
        if (s < 0) {
            return true;
        }
        int e = addressEnds[a];
        int p = addressStarts[a + 2];
        int length = e - s;
        if (length == addressEnds[a + 2] - p) {
            final byte[] b = buffer;
            int k = 0;
            while (k + 8 <= length && (long) WORDS.get(b, s + k) == (long) WORDS.get(b, p + k)) {
                k += 8;
            }
            if (k == length || k + 8 > length && (((long) WORDS.get(b, s + k) ^ (long) WORDS.get(b, p + k))
                    & -1L >>> (64 - 8 * (length - k))) == 0) {
                return true;
            }
        }
        return IpV4.isValid(IpV4.parse(buffer, s, e)) || IpLiterals.isV6(buffer, s, e, v6Scratch) || notAnAddress(a);
    }

    private boolean notAnAddress(int a) {
        problem = NOT_AN_ADDRESS;
        problemField = ADDRESS_FIELDS[a];
        problemStart = addressStarts[a];
        problemEnd = addressEnds[a];
        return false;
    }

    /** Binds the columns again when the line at {@code lineStart} is a header line. */
    private boolean bindIfHeader(int lineStart) {
        split(lineStart);
        FlowField[] named = header(fieldCount);
        if (named == null) {
            return false;
        }
        headerLine = true;
        bind(named);
        return true;
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
        return new String(buffer, from, Math.min(to - from, EXCERPT_BYTES), StandardCharsets.UTF_8);
    }
}
