package jp.govcloudops.format;

import java.nio.charset.StandardCharsets;

/**
 * Turns byte or char slices into Strings, returning the same instance for values seen before. Log fields such as
 * interface ids, actions, event names and regions repeat millions of times; caching them keeps the hot loops free
 * of per-record String allocation. The table is bounded: once full, values are built without caching.
 */
public final class StringCache {

    private final String[] table;
    private final int mask;
    private final int limit;
    private int size;

    public StringCache(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        this.table = new String[capacityPowerOfTwo];
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
        int slot = mix(hash) & mask;
        while (true) {
            String candidate = table[slot];
            if (candidate == null) {
                String value = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
                if (size < limit) {
                    table[slot] = value;
                    size++;
                }
                return value;
            }
            if (equals(candidate, bytes, from, to)) {
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
                    size++;
                }
                return value;
            }
            if (equals(candidate, chars, offset, length)) {
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
