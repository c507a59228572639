package jp.govcloudops.format.cloudtrail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Keeps the bytes read since a mark, so the parser can hand out each record's raw text by byte offsets instead
 * of re-serialising a tree. The window holds the current record plus the parser's read-ahead; a record larger
 * than {@code maxWindow} is not captured (its raw text is then unavailable, the record itself is still parsed).
 */
final class RecordCapture extends FilterInputStream {

    private final int maxWindow;
    private byte[] window = new byte[64 * 1024];
    private long windowStart;
    private int length;
    private boolean overflowed;

    RecordCapture(InputStream in, int maxWindow) {
        super(in);
        this.maxWindow = maxWindow;
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
            append(buffer, offset, n);
        }
        return n;
    }

    private void append(byte[] buffer, int offset, int n) {
        if (overflowed) {
            windowStart += n;
            return;
        }
        if (length + n > window.length) {
            if (length + n > maxWindow) {
                overflowed = true;
                windowStart += length + n;
                length = 0;
                return;
            }
            window = Arrays.copyOf(window, Math.min(maxWindow, Math.max(window.length * 2, length + n)));
        }
        System.arraycopy(buffer, offset, window, length, n);
        length += n;
    }

    /** Forget everything before {@code offset}: the start of the record about to be parsed. */
    void discardBefore(long offset) {
        if (overflowed) {
            // Start afresh from the next bytes read; this record will not be captured.
            overflowed = false;
            windowStart = Math.max(windowStart, offset);
            length = 0;
            return;
        }
        int drop = (int) Math.min(length, Math.max(0, offset - windowStart));
        if (drop > 0) {
            System.arraycopy(window, drop, window, 0, length - drop);
            length -= drop;
            windowStart += drop;
        }
    }

    /** Points {@code event} at bytes {@code [start, endInclusive]} if they are still held. */
    boolean capture(CloudTrailEvent event, long start, long endInclusive) {
        if (overflowed || start < windowStart || endInclusive >= windowStart + length) {
            return false;
        }
        event.rawBuffer = window;
        event.rawOffset = (int) (start - windowStart);
        event.rawLength = (int) (endInclusive - start + 1);
        return true;
    }
}
