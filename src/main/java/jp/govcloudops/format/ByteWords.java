package jp.govcloudops.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Reading bytes eight at a time: the scanners find the bytes they stop at a word at a time rather than per byte. */
public final class ByteWords {

    /** Eight bytes of an array as one little-endian long: the first byte is the lowest. */
    public static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    public static final long ONES = 0x0101010101010101L;
    public static final long HIGH_BITS = 0x8080808080808080L;

    private ByteWords() {
    }

    /**
     * The index (0-7) of the lowest byte whose high bit is set in a word of high bits. Not
     * Long.numberOfTrailingZeros: C1 in Java 17 does not compile that to one instruction but calls its Java code.
     */
    public static int lowestByte(long highBits) {
        long lowest = highBits & -highBits;
        return (int) (((lowest >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /** The high bit of each byte of {@code word} that equals {@code repeated}'s byte (exact for the lowest one). */
    public static long equalBytes(long word, long repeated) {
        long x = word ^ repeated;
        return (x - ONES) & ~x & HIGH_BITS;
    }
}
