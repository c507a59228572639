package jp.govcloudops.format.cost;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One cell's exact decimal, reused from row to row. Values of up to 18 digits are kept as an unscaled long and a
 * scale, so parsing "0.00000080000" or reading a Parquet INT64 decimal allocates nothing; longer values (and
 * doubles, whose shortest decimal form is taken, as the export printed it) fall back to {@link BigDecimal}.
 * Costs are never summed as binary floating point.
 */
public final class DecimalValue {

    static final int MAX_FAST_DIGITS = 18;

    private boolean present;
    private long unscaled;
    private int scale;
    private BigDecimal big;

    public void clear() {
        present = false;
        unscaled = 0;
        scale = 0;
        big = null;
    }

    public boolean isPresent() {
        return present;
    }

    public void set(long unscaledValue, int valueScale) {
        present = true;
        if (valueScale < 0 || valueScale > DecimalSum.MAX_SCALE) {
            big = BigDecimal.valueOf(unscaledValue, valueScale);
            return;
        }
        big = null;
        unscaled = unscaledValue;
        scale = valueScale;
    }

    public void set(BigDecimal value) {
        present = true;
        if (value.scale() >= 0 && value.scale() <= DecimalSum.MAX_SCALE && value.precision() <= MAX_FAST_DIGITS) {
            big = null;
            unscaled = value.unscaledValue().longValue();
            scale = value.scale();
        } else {
            big = value;
        }
    }

    public void set(DecimalValue other) {
        present = other.present;
        unscaled = other.unscaled;
        scale = other.scale;
        big = other.big;
    }

    /** A Parquet DECIMAL stored as bytes (big-endian two's complement). */
    public void setUnscaledBytes(byte[] bytes, int valueScale) {
        set(new BigDecimal(new BigInteger(bytes), valueScale));
    }

    /**
     * A double column (CUR Parquet stores costs as DOUBLE). The shortest decimal that reads back as the same double
     * is what the exporter meant; whole numbers skip the conversion.
     */
    public boolean setDouble(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return false;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            set((long) value, 0);
        } else {
            set(new BigDecimal(Double.toString(value)));
        }
        return true;
    }

    /** Parses decimal text (sign, digits, point, optional exponent); false when it is not a number. */
    public boolean parse(CharSequence text) {
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to) {
            return false;
        }
        int i = from;
        boolean negative = false;
        char first = text.charAt(i);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        int significant = 0;
        int fraction = -1;
        boolean fast = true;
        for (; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (significant > 0 || c != '0') {
                    significant++;
                }
                if (significant > MAX_FAST_DIGITS) {
                    fast = false;
                    break;
                }
                value = value * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                fast = false; // an exponent or something that is not a plain decimal
                break;
            }
        }
        if (fast && digits > 0 && (fraction < 0 || fraction <= DecimalSum.MAX_SCALE)) {
            set(negative ? -value : value, Math.max(fraction, 0));
            return true;
        }
        try {
            set(new BigDecimal(text.subSequence(from, to).toString()));
            return true;
        } catch (NumberFormatException e) {
            clear();
            return false;
        }
    }

    public BigDecimal toBigDecimal() {
        if (!present) {
            return BigDecimal.ZERO;
        }
        return big != null ? big : BigDecimal.valueOf(unscaled, scale);
    }

    public void addTo(DecimalSum sum) {
        if (!present) {
            return;
        }
        if (big != null) {
            sum.add(big);
        } else {
            sum.add(unscaled, scale);
        }
    }

    /** this = a - b, for the rare line types whose amortised cost is a difference. */
    public void setDifference(DecimalValue a, DecimalValue b) {
        set(a.toBigDecimal().subtract(b.toBigDecimal()));
    }

    /** this = a + b. */
    public void setSum(DecimalValue a, DecimalValue b) {
        set(a.toBigDecimal().add(b.toBigDecimal()));
    }

    @Override
    public String toString() {
        return present ? toBigDecimal().toPlainString() : "NULL";
    }
}
