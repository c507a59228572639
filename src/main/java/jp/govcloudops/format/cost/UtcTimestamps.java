package jp.govcloudops.format.cost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jp.govcloudops.format.CivilDates;

/**
 * Reads the timestamps of cost exports as UTC epoch seconds: {@code 2024-09-18 22:00:00},
 * {@code 2024-09-18T22:00:00Z}, {@code 2022-07-01 00:00:00.000}, {@code 2024-09-18} and ISO-8601 with an offset.
 * The common forms are parsed in place without allocating.
 */
public final class UtcTimestamps {

    /** Returned for text that is not a timestamp. */
    public static final long INVALID = Long.MIN_VALUE;

    private UtcTimestamps() {
    }

    public static long parse(CharSequence text) {
        int length = text.length();
        int from = 0;
        while (from < length && text.charAt(from) <= ' ') {
            from++;
        }
        int to = length;
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        if (to - from < 10 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
            return slow(text, from, to);
        }
        int year = digits(text, from, 4);
        int month = digits(text, from + 5, 2);
        int day = digits(text, from + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > CivilDates.lengthOfMonth(year, month)) {
            return slow(text, from, to);
        }
        long seconds = CivilDates.epochDay(year, month, day) * 86_400L;
        int i = from + 10;
        if (i == to) {
            return seconds;
        }
        char separator = text.charAt(i);
        if ((separator != ' ' && separator != 'T') || to - i < 6) {
            return slow(text, from, to);
        }
        int hour = digits(text, i + 1, 2);
        int minute = i + 5 < to && text.charAt(i + 3) == ':' ? digits(text, i + 4, 2) : -1;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return slow(text, from, to);
        }
        i += 6;
        int second = 0;
        if (i < to && text.charAt(i) == ':') {
            second = i + 2 < to ? digits(text, i + 1, 2) : -1;
            if (second < 0 || second > 60) {
                return slow(text, from, to);
            }
            i += 3;
        }
        if (i < to && text.charAt(i) == '.') {
            i++;
            while (i < to && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        seconds += hour * 3600L + minute * 60L + second;
        if (i == to || (i == to - 1 && (text.charAt(i) == 'Z' || text.charAt(i) == 'z'))) {
            return seconds;
        }
        if (to - i == 3 && text.subSequence(i, to).toString().equals("UTC")) {
            return seconds;
        }
        return slow(text, from, to);
    }

    private static long slow(CharSequence text, int from, int to) {
        String s = text.subSequence(from, to).toString();
        try {
            return OffsetDateTime.parse(s.replace(' ', 'T')).toEpochSecond();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Instant.parse(s).getEpochSecond();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).toEpochSecond(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).toEpochDay() * 86_400L;
        } catch (DateTimeParseException e) {
            return INVALID;
        }
    }

    private static int digits(CharSequence text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
