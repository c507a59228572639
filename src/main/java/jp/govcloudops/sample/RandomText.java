package jp.govcloudops.sample;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Random identifiers and picks in the shapes AWS uses, drawn from a given stream. */
public final class RandomText {

    public static final String HEX = "0123456789abcdef";
    public static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private RandomText() {
    }

    public static String of(SplittableRandom random, String alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    /** A version-4 UUID, as AWS writes eventID and requestID. */
    public static String uuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xf000L) | 0x4000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Index drawn with the given non-negative weights. */
    public static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Rounds {@code expected} to a whole count, keeping the fraction as a probability. */
    public static int count(SplittableRandom random, double expected) {
        int whole = (int) Math.floor(expected);
        return whole + (random.nextDouble() < expected - whole ? 1 : 0);
    }
}
