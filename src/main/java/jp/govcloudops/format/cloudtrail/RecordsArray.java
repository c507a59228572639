package jp.govcloudops.format.cloudtrail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jp.govcloudops.format.ByteWords;
import jp.govcloudops.format.RecordLimits;

/**
 * The elements of a CloudTrail file's {@code Records} array, one at a time, as their bytes: how {@link
 * CloudTrailReader} reads on once a record too large for its one-pass read turned up. A scan that knows only
 * strings, escapes and brackets finds where each element ends, so that each record is parsed on its own, and so
 * that a record larger than the bounds (one huge string, say) is skipped as it streams past instead of being held:
 * its first bytes and the reason are all that is kept. Whether an element is well-formed JSON is the parser's
 * business; this scan only needs the brackets to balance.
 *
 * <p>Strings, most of a record's bytes, are crossed eight bytes at a time: the scan stops only at quotes and
 * backslashes. Even so it costs a fifth of the parse, which is why it is not the first way to read a file.
 */
final class RecordsArray {

    enum Found {
        /** An element, in {@link #buffer()} from {@link #start()} to {@link #end()}. */
        ELEMENT,
        /** An element too large to read: {@link #tooLarge()} says why, {@link #excerpt()} shows how it began. */
        TOO_LARGE,
        /** The array's closing bracket. */
        END,
        /** The input ended inside the array. */
        TRUNCATED,
        /** Something other than ',' or ']' after an element: {@link #unexpected()}. */
        MALFORMED
    }

    /** Deeper than this, the parser would refuse the record anyway (Jackson's default nesting bound). */
    static final int MAX_DEPTH = 500;
    private static final int PAD = 8;
    private static final int CHUNK = 64 * 1024;
    private static final int EXCERPT_BYTES = 300;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5c5c5c5c5c5c5c5cL;

    private final RecordLimits limits;
    private final int maxValue;
    /** Read bytes are {@code [0, limit)}; {@code buffer[limit]} is a '"' sentinel that stops the string scan. */
    private byte[] buffer = new byte[CHUNK + 1 + PAD];
    private int limit;
    private int position;
    /** The file offset of {@code buffer[0]}. */
    private long offset;
    private InputStream in;
    private boolean endOfInput;
    private boolean afterElement;

    // The element being scanned, or the last found.
    private int start;
    private int end;
    private boolean inElement;
    private int depth;
    private final boolean[] inObject = new boolean[MAX_DEPTH + 1];
    private boolean keyNext;
    private int keyStart;
    private int keyEnd;
    private boolean skipping;
    private String tooLarge;
    private String excerpt;
    private byte unexpected;

    RecordsArray(RecordLimits limits) {
        this.limits = limits;
        this.maxValue = limits.maxValueBytes();
    }

    /**
     * Starts reading a Records array part way: {@code readAhead} are the bytes already read from file offset
     * {@code fileOffset} on (just after the array's '[', or after an element when {@code afterElement}); the rest
     * comes from {@code rest}.
     */
    void start(byte[] readAhead, long fileOffset, boolean afterElement, InputStream rest) {
        if (buffer.length > 4 * CHUNK + 1 + PAD) {
            buffer = new byte[CHUNK + 1 + PAD]; // an earlier object's large record is not kept for the next
        }
        if (readAhead.length + 1 + PAD > buffer.length) {
            buffer = new byte[readAhead.length + 1 + PAD];
        }
        System.arraycopy(readAhead, 0, buffer, 0, readAhead.length);
        limit = readAhead.length;
        buffer[limit] = '"';
        position = 0;
        offset = fileOffset;
        in = rest;
        endOfInput = false;
        this.afterElement = afterElement;
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The file offset of the last element found. */
    long fileOffset() {
        return offset + start;
    }

    String tooLarge() {
        return tooLarge;
    }

    String excerpt() {
        return excerpt;
    }

    byte unexpected() {
        return unexpected;
    }

    /**
     * After {@link Found#TRUNCATED} inside an element: how many of its bytes, from {@link #start()}, are held;
     * -1 when the input ended between elements or the element was being skipped.
     */
    int partialLength() {
        return inElement && !skipping ? limit - start : -1;
    }

    /** The file offset where the scan stopped (after {@link Found#MALFORMED}: the unexpected byte). */
    long stoppedAt() {
        return offset + position;
    }

    Found next() throws IOException {
        inElement = false;
        int i = blanks(position);
        if (i == limit) {
            return Found.TRUNCATED;
        }
        if (buffer[i] == ']') {
            position = i + 1;
            return Found.END;
        }
        if (afterElement) {
            if (buffer[i] != ',') {
                position = i;
                unexpected = buffer[i];
                return Found.MALFORMED;
            }
            i = blanks(i + 1);
            if (i == limit) {
                return Found.TRUNCATED;
            }
        }
        afterElement = true;
        return element(i);
    }

    /** The first byte at or after {@code i} that is not a blank, reading on as needed; {@code limit} at the end. */
    private int blanks(int i) throws IOException {
        while (true) {
            while (i < limit && isBlank(buffer[i])) {
                i++;
            }
            if (i < limit) {
                return i;
            }
            i -= refill(i);
            if (i == limit) {
                return i;
            }
        }
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private Found element(int i) throws IOException {
        inElement = true;
        start = i;
        depth = 0;
        keyNext = false;
        keyStart = -1;
        skipping = false;
        tooLarge = null;
        excerpt = null;
        byte first = buffer[i];
        if (first != '{' && first != '[' && first != '"') {
            return scalar(i);
        }
        while (true) {
            if (i == limit) {
                i -= refill(skipping ? i : start);
                if (i == limit) {
                    return Found.TRUNCATED;
                }
            }
            byte c = buffer[i];
            switch (c) {
                case '"' -> {
                    boolean key = keyNext && depth > 0 && inObject[depth - 1];
                    // Most strings have no escape and lie whole in what has been read: crossed here, without the
                    // call to string() (which C1 would not inline) that the others take.
                    final byte[] b = buffer;
                    int at = i + 1;
                    long hits;
                    while (true) {
                        long word = (long) ByteWords.WORDS.get(b, at);
                        hits = ByteWords.equalBytes(word, QUOTES) | ByteWords.equalBytes(word, BACKSLASHES);
                        if (hits != 0) {
                            break;
                        }
                        at += 8;
                    }
                    at += ByteWords.lowestByte(hits);
                    if (at < limit && b[at] == '"' && at - i <= maxValue) {
                        if (key && !skipping) {
                            keyStart = i + 1;
                            keyEnd = at;
                        }
                        i = at + 1;
                    } else {
                        i = string(i + 1, key);
                        if (i < 0) {
                            return Found.TRUNCATED;
                        }
                    }
                    if (depth == 0) {
                        return found(i);
                    }
                }
                case '{', '[' -> {
                    if (depth == MAX_DEPTH && !skipping) {
                        skip("it nests more than " + MAX_DEPTH + " levels deep");
                    }
                    if (depth < MAX_DEPTH) {
                        inObject[depth] = c == '{';
                    }
                    depth++;
                    keyNext = c == '{';
                    i++;
                }
                case '}', ']' -> {
                    depth--;
                    i++;
                    if (depth == 0) {
                        return found(i);
                    }
                }
                case ':' -> {
                    keyNext = false;
                    i++;
                }
                case ',' -> {
                    keyNext = depth <= MAX_DEPTH && inObject[depth - 1];
                    i++;
                }
                default -> i++;
            }
        }
    }

    /** A number or literal as an element (the parser will say it is not a record): up to a ',', ']' or blank. */
    private Found scalar(int i) throws IOException {
        while (true) {
            while (i < limit && buffer[i] != ',' && buffer[i] != ']' && !isBlank(buffer[i])) {
                i++;
            }
            if (i < limit || endOfInput) {
                return found(i);
            }
            i -= refill(skipping ? i : start);
        }
    }

    private Found found(int i) {
        end = i;
        position = i;
        if (!skipping && end - start > limits.maxRecordBytes()) {
            skip(recordTooLarge());
        }
        return skipping ? Found.TOO_LARGE : Found.ELEMENT;
    }

    /**
     * Crosses a string whose first byte is at {@code i}; returns the index after its closing quote, or -1 when the
     * input ends inside it. Eight bytes at a time, stopping at quotes and backslashes (the sentinel at
     * {@code limit} stops it too).
     */
    private int string(int i, boolean key) throws IOException {
        int contentStart = i;
        while (true) {
            int at = i;
            long hits;
            while (true) {
                long word = (long) ByteWords.WORDS.get(buffer, at);
                hits = ByteWords.equalBytes(word, QUOTES) | ByteWords.equalBytes(word, BACKSLASHES);
                if (hits != 0) {
                    break;
                }
                at += 8;
            }
            at += ByteWords.lowestByte(hits);
            if (!skipping && at - contentStart > limits.maxValueBytes()) {
                skip(key ? "a field name is longer than " + RecordLimits.describe(limits.maxValueBytes())
                        + " (govcloud.ingest.max-value-size)" : valueTooLarge());
            }
            if (at >= limit || (buffer[at] == '\\' && at + 1 >= limit)) {
                if (endOfInput) {
                    return -1;
                }
                int resume = Math.min(at, limit);
                int shift = refill(skipping ? resume : start);
                contentStart -= shift;
                i = resume - shift;
                continue;
            }
            if (buffer[at] == '\\') {
                i = at + 2;
                continue;
            }
            if (key && !skipping) {
                keyStart = contentStart;
                keyEnd = at;
            }
            return at + 1;
        }
    }

    /**
     * Reads more input, first dropping the bytes before {@code keepFrom}; grows the buffer while an element being
     * kept fills it, up to the record bound (past it, the element is skipped). Returns how far the kept bytes moved
     * towards the front, which the caller subtracts from its indexes.
     */
    private int refill(int keepFrom) throws IOException {
        if (endOfInput) {
            return 0;
        }
        int shift = keepFrom;
        if (shift > 0) {
            System.arraycopy(buffer, shift, buffer, 0, limit - shift);
            limit -= shift;
            offset += shift;
            start -= shift;
            keyStart -= shift;
            keyEnd -= shift;
        }
        int capacity = buffer.length - 1 - PAD;
        if (limit == capacity) {
            if (!skipping && limit - start > limits.maxRecordBytes()) {
                skip(recordTooLarge());
                int drop = limit - 8; // the scan resumes at the end of what was read; keep a little for escapes
                shift += drop;
                System.arraycopy(buffer, drop, buffer, 0, limit - drop);
                limit -= drop;
                offset += drop;
                start -= drop;
            } else {
                int grown = (int) Math.min((long) capacity * 2, (long) limits.maxRecordBytes() + CHUNK);
                buffer = Arrays.copyOf(buffer, grown + 1 + PAD);
            }
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
        buffer[limit] = '"';
        return shift;
    }

    /** From here on the element is only crossed, not kept: its reason and first bytes are all that remain. */
    private void skip(String why) {
        skipping = true;
        tooLarge = why;
        excerpt = new String(buffer, start, Math.min(EXCERPT_BYTES, limit - start), StandardCharsets.UTF_8) + "...";
    }

    private String valueTooLarge() {
        String field = keyStart >= 0 && keyEnd - keyStart <= 200
                ? " in field " + new String(buffer, keyStart, keyEnd - keyStart, StandardCharsets.UTF_8) : "";
        return "a value" + field + " is longer than " + RecordLimits.describe(limits.maxValueBytes())
                + " (govcloud.ingest.max-value-size)";
    }

    private String recordTooLarge() {
        return "it is longer than " + RecordLimits.describe(limits.maxRecordBytes())
                + " (govcloud.ingest.max-record-size)";
    }
}
