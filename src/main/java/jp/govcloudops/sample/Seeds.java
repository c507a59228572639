package jp.govcloudops.sample;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic random streams named by what they generate ("cloudtrail", an account, a region, a day, ...).
 *
 * <p>Every stream is derived from the sample seed and its name only, so a writer's output does not depend on
 * which other writers run, on their order, or on the days before it: adding a writer or generating a longer range
 * leaves the existing streams unchanged. Within a stream, one {@link SplittableRandom} is consumed in a fixed
 * order (sorted lists, never hash-map iteration).
 */
public final class Seeds {

    private final long seed;

    public Seeds(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream named by {@code parts} (their string forms, in order). */
    public SplittableRandom stream(Object... parts) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (Object part : parts) {
            for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xff)) * 0x100000001b3L;
            }
            h = (h ^ 0x1f) * 0x100000001b3L; // separator, so ("ab","c") and ("a","bc") differ
        }
        return new SplittableRandom(mix(h));
    }

    /** A stable identifier of {@code length} characters from {@code alphabet}, named by {@code parts}. */
    public String id(String alphabet, int length, Object... parts) {
        return RandomText.of(stream(parts), alphabet, length);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
