package jp.govcloudops.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns byte or char slices into Strings, returning the same instance for values seen before. Log fields such as
 * interface ids, actions, event names and regions repeat millions of times; caching them keeps the hot loops free
 * of per-record String allocation. The table is bounded: once full, values are built without caching.
 *
 * <p>Each entry keeps its value's bytes or chars beside the String, so a lookup compares array ranges with
 * {@link Arrays#equals(byte[], int, int, byte[], int, int)} (vectorised by the JIT) instead of char by char
 * through {@link String#charAt}; the benchmark showed the char loop as the flow-log reader's largest cost.
 */
public final class StringCache {

    private final String[] table;
    /** byte[] for entries made from bytes, char[] for entries made from chars; null where the slot is empty. */
    private final Object[] keys;
    private final int mask;
    private final int limit;
    private int size;

    public StringCache(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        this.table = new String[capacityPowerOfTwo];
        this.keys = new Object[capacityPowerOfTwo];
        this.mask = capacityPowerOfTwo - 1;
        this.limit = capacityPowerOfTwo / 2;
    }

    /** ASCII/UTF-8 bytes {@code [from, to)}. */
    public String get(byte[] bytes, int from, int to) {
        int hash = 0;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            ascii &= b >= 0;
            hash = 31 * hash + b;
        }
        if (!ascii) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }
        return getAscii(bytes, from, to, hash);
    }

    /**
     * ASCII bytes {@code [from, to)} whose hash ({@code h = 31 * h + b} over the bytes) the caller computed while
     * scanning them, so the bytes are not read twice.
     */
    public String getAscii(byte[] bytes, int from, int to, int hash) {
        int slot = mix(hash) & mask;
        while (true) {
            String candidate = table[slot];
            if (candidate == null) {
                String value = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
                if (size < limit) {
                    table[slot] = value;
                    keys[slot] = Arrays.copyOfRange(bytes, from, to);
                    size++;
                }
                return value;
            }
            if (keys[slot] instanceof byte[] key ? Arrays.equals(key, 0, key.length, bytes, from, to)
                    : equals(candidate, bytes, from, to)) {
                return candidate;
            }
            slot = (slot + 1) & mask;
        }
    }

    public String get(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = mix(hash) & mask;
        while (true) {
            String candidate = table[slot];
            if (candidate == null) {
                String value = new String(chars, offset, length);
                if (size < limit) {
                    table[slot] = value;
                    keys[slot] = Arrays.copyOfRange(chars, offset, offset + length);
                    size++;
                }
                return value;
            }
            if (keys[slot] instanceof char[] key ? Arrays.equals(key, 0, key.length, chars, offset, offset + length)
                    : equals(candidate, chars, offset, length)) {
                return candidate;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static boolean equals(String candidate, byte[] bytes, int from, int to) {
        if (candidate.length() != to - from) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            if (candidate.charAt(i) != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equals(String candidate, char[] chars, int offset, int length) {
        if (candidate.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (candidate.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
