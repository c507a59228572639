package jp.govcloudops.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens an object's bytes for reading, gunzipping when the bytes (not the key) say gzip: objects are sometimes
 * named .gz without being compressed, or the other way round.
 */
public final class Decompression {

    /** Large buffers keep the inflater fed; measured in docs/benchmarks.md. */
    static final int BUFFER_SIZE = 64 * 1024;

    private Decompression() {
    }

    public static InputStream open(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_SIZE);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new GZIPInputStream(buffered, BUFFER_SIZE);
        }
        return buffered;
    }

    /** An object's stream with its first bytes examined (and still to be read). */
    public record Peeked(InputStream stream, boolean parquet) {
    }

    /**
     * Looks at the first bytes: a Parquet file ("PAR1") is read from a local copy of the stream (its footer is at
     * the end), anything else as text, gzipped or not ({@link #open}).
     */
    public static Peeked peek(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 8);
        buffered.mark(4);
        byte[] head = buffered.readNBytes(4);
        buffered.reset();
        return new Peeked(buffered, isParquetMagic(head, head.length));
    }

    /** True when the first bytes look like a Parquet file ("PAR1"). */
    public static boolean isParquetMagic(byte[] head, int length) {
        return length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
    }
}
