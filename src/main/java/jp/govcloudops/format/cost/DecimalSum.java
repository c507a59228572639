package jp.govcloudops.format.cost;

import java.math.BigDecimal;

/**
 * An exact running sum. Additions at a common scale stay in a long (no allocation per row); when a value needs a
 * larger scale, or the long would overflow, the partial sum moves into a {@link BigDecimal}.
 */
public final class DecimalSum {

    /** The largest scale kept in the long part; the store keeps 18 decimals as well. */
    public static final int MAX_SCALE = 18;

    private static final long[] POW10 = new long[MAX_SCALE + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private long unscaled;
    private int scale;
    private BigDecimal spilled = BigDecimal.ZERO;

    public void add(long value, int valueScale) {
        if (valueScale > scale) {
            if (unscaled != 0) {
                flush();
            }
            scale = valueScale;
        }
        long scaled;
        try {
            scaled = valueScale == scale ? value : Math.multiplyExact(value, POW10[scale - valueScale]);
        } catch (ArithmeticException overflow) {
            spilled = spilled.add(BigDecimal.valueOf(value, valueScale));
            return;
        }
        try {
            unscaled = Math.addExact(unscaled, scaled);
        } catch (ArithmeticException overflow) {
            flush();
            unscaled = scaled;
        }
    }

    public void add(BigDecimal value) {
        spilled = spilled.add(value);
    }

    public void add(DecimalSum other) {
        spilled = spilled.add(other.value());
    }

    public BigDecimal value() {
        return unscaled == 0 ? spilled : spilled.add(BigDecimal.valueOf(unscaled, scale));
    }

    private void flush() {
        spilled = spilled.add(BigDecimal.valueOf(unscaled, scale));
        unscaled = 0;
    }
}
