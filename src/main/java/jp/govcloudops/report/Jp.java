package jp.govcloudops.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the report writes numbers, amounts, durations and dates (Japan time) in its tables and text. */
public final class Jp {

    private Jp() {
    }

    private static DecimalFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.JAPAN));
    }

    public static String count(long value) {
        return format("#,##0").format(value);
    }

    public static String count(Number value) {
        return value == null ? "—" : count(value.longValue());
    }

    /** "+1,234" / "−56" / "±0". */
    public static String delta(long now, long before) {
        long d = now - before;
        return d == 0 ? "±0" : (d > 0 ? "+" : "−") + count(Math.abs(d));
    }

    /** "+12.3%" relative to {@code before}, or "—" when there is no base. */
    public static String percentChange(double now, double before) {
        if (before == 0) {
            return "—";
        }
        double p = (now - before) * 100.0 / before;
        return (p > 0 ? "+" : p < 0 ? "−" : "±") + format("0.0").format(Math.abs(p)) + "%";
    }

    public static String percent(double part, double whole) {
        return whole == 0 ? "—" : format("0.0").format(part * 100.0 / whole) + "%";
    }

    /** Bytes in decimal units (KB, MB, GB, TB), as network volumes are usually given. */
    public static String bytes(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = 0;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (u == 0 ? count(bytes) : format("#,##0.00").format(v)) + " " + units[u];
    }

    public static String hours(BigDecimal hours) {
        return hours == null ? "0.00" : format("#,##0.00").format(hours.setScale(2, RoundingMode.HALF_UP));
    }

    /** An amount with its currency: "12,345 円" for JPY, "USD 1,234.56" otherwise (ISO code first). */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "—";
        }
        if ("JPY".equals(currency)) {
            return format("#,##0").format(amount.setScale(0, RoundingMode.HALF_UP)) + " 円";
        }
        return (currency == null || currency.isBlank() ? "" : currency + " ")
                + format("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** "10/3(土)". */
    public static String day(LocalDate day) {
        return day.getMonthValue() + "/" + day.getDayOfMonth() + "(" + day.getDayOfWeek().getDisplayName(TextStyle.SHORT,
                Locale.JAPANESE) + ")";
    }

    /** "10/3(土) 09:05" for a Japan local date-time. */
    public static String dateTime(LocalDateTime time) {
        return time == null ? "—" : day(time.toLocalDate()) + String.format(" %02d:%02d", time.getHour(), time.getMinute());
    }

    /** Days as compact ranges: "10/5, 10/12〜10/14". */
    public static String dayRanges(List<LocalDate> days) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).equals(days.get(j).plusDays(1))) {
                j++;
            }
            LocalDate a = days.get(i);
            LocalDate b = days.get(j);
            String first = a.getMonthValue() + "/" + a.getDayOfMonth();
            parts.add(i == j ? first : first + "〜" + b.getMonthValue() + "/" + b.getDayOfMonth());
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    /** A single line of at most {@code max} characters, for table cells that show long free text. */
    public static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
