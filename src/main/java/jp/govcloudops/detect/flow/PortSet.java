package jp.govcloudops.detect.flow;

import java.util.Arrays;
import java.util.BitSet;

/** Distinct ports: a small array for the usual handful, a bit set once a pair touches many (a scan). */
public final class PortSet {

    private int[] small = new int[8];
    private int size;
    private BitSet many;

    public void add(int port) {
        if (many != null) {
            many.set(port);
            return;
        }
        for (int i = 0; i < size; i++) {
            if (small[i] == port) {
                return;
            }
        }
        if (size == 32) {
            many = new BitSet(65536);
            for (int i = 0; i < size; i++) {
                many.set(small[i]);
            }
            many.set(port);
            small = null;
            return;
        }
        if (size == small.length) {
            small = Arrays.copyOf(small, small.length * 2);
        }
        small[size++] = port;
    }

    public int size() {
        return many != null ? many.cardinality() : size;
    }

    /** Up to {@code limit} ports in ascending order, comma separated. */
    public String list(int limit) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        if (many != null) {
            for (int p = many.nextSetBit(0); p >= 0 && n < limit; p = many.nextSetBit(p + 1), n++) {
                out.append(n == 0 ? "" : ",").append(p);
            }
            return out.toString();
        }
        int[] sorted = Arrays.copyOf(small, size);
        Arrays.sort(sorted);
        for (int p : sorted) {
            if (n++ >= limit) {
                break;
            }
            out.append(out.isEmpty() ? "" : ",").append(p);
        }
        return out.toString();
    }
}
