package jp.govcloudops.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the stored bytes read and remembers a fault of the transfer itself, to tell a download that broke off
 * (read the object again) from an object that is itself truncated or malformed (a reader's fault, whatever the
 * reader wrapped it in).
 */
public final class CountingInputStream extends FilterInputStream {

    private long count;
    private IOException transferFault;

    public CountingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        } catch (IOException e) {
            transferFault = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        } catch (IOException e) {
            transferFault = e;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        } catch (IOException e) {
            transferFault = e;
            throw e;
        }
    }

    /** The fault the stored bytes' stream raised, or null. */
    public IOException transferFault() {
        return transferFault;
    }

    public long count() {
        return count;
    }
}
