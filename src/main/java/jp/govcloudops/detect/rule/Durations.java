package jp.govcloudops.detect.rule;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in rule files: {@code 0}, {@code 90s}, {@code 15m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT15M}). */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    private Durations() {
    }

    static Duration parse(Object value, String where) {
        String text = String.valueOf(value).strip();
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new RuleFormatException(where + ": not a duration: '" + text + "' (use e.g. 10m, 1h, 1d)");
        }
    }

    static String format(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        if (d.toSeconds() % 86400 == 0) {
            return d.toDays() + "d";
        }
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + "h";
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }
}
