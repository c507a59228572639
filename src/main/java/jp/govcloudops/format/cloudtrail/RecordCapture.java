package jp.govcloudops.format.cloudtrail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Keeps the bytes read since a mark, so the parser can hand out each record's raw text by byte offsets instead
 * of re-serialising a tree, and so that reading can go on from the mark without the parser. It holds at most
 * {@code maxHeld} bytes: one more read past that fails with {@link TooLarge} (the bytes of that read are still
 * held), which is how a record too large to read this way is noticed before it fills the heap.
 */
final class RecordCapture extends FilterInputStream {

    /** More than the bound held since the mark: the record being read is too large for the one-pass read. */
    static final class TooLarge extends IOException {
        TooLarge(int held) {
            super("more than " + held + " bytes since the last record");
        }
    }

    private final int maxHeld;
    private byte[] window = new byte[64 * 1024];
    private long windowStart;
    private int length;

    RecordCapture(InputStream in, int maxHeld) {
        super(in);
        this.maxHeld = maxHeld;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        int n = in.read(buffer, offset, count);
        if (n > 0) {
            if (length + n > window.length) {
                window = Arrays.copyOf(window, Math.max(window.length * 2, length + n));
            }
            System.arraycopy(buffer, offset, window, length, n);
            length += n;
            if (length > maxHeld) {
                throw new TooLarge(maxHeld);
            }
        }
        return n;
    }

    /** Forget everything before {@code offset}: the end of the last record read, where reading could go on. */
    void discardBefore(long offset) {
        int drop = (int) Math.min(length, Math.max(0, offset - windowStart));
        if (drop > 0) {
            System.arraycopy(window, drop, window, 0, length - drop);
            length -= drop;
            windowStart += drop;
        }
        if (window.length > 4 * 64 * 1024 && length <= 64 * 1024) {
            window = Arrays.copyOf(window, 64 * 1024); // a large record's room is not kept for the next
        }
    }

    /** Points {@code event} at bytes {@code [start, endInclusive]}, which are held since the last mark. */
    void capture(CloudTrailEvent event, long start, long endInclusive) {
        event.rawBuffer = window;
        event.rawOffset = (int) (start - windowStart);
        event.rawLength = (int) (endInclusive - start + 1);
    }

    /** The bytes held from {@code offset} (at or after the mark) on: what was read but not yet parsed. */
    byte[] heldFrom(long offset) {
        return Arrays.copyOfRange(window, (int) (offset - windowStart), length);
    }
}
