package jp.govcloudops.format.cloudtrail;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import jp.govcloudops.format.CivilDates;

/**
 * Parses CloudTrail {@code eventTime}: ISO-8601 with a zone designator, with or without a fraction of a second.
 * Anything else is rejected rather than guessed. The common {@code YYYY-MM-DDTHH:MM:SS[.fff]Z} form is parsed
 * from the characters directly, without allocation.
 */
public final class EventTimes {

    public static final long INVALID = Long.MIN_VALUE;

    private EventTimes() {
    }

    /** Epoch seconds, or {@link #INVALID}. */
    public static long parseEpochSecond(char[] c, int offset, int length) {
        if (length >= 20 && c[offset + length - 1] == 'Z' && c[offset + 4] == '-' && c[offset + 7] == '-'
                && c[offset + 10] == 'T' && c[offset + 13] == ':' && c[offset + 16] == ':') {
            int year = digits(c, offset, 4);
            int month = digits(c, offset + 5, 2);
            int day = digits(c, offset + 8, 2);
            int hour = digits(c, offset + 11, 2);
            int minute = digits(c, offset + 14, 2);
            int second = digits(c, offset + 17, 2);
            boolean fractionOk = length == 20 || (c[offset + 19] == '.' && length > 21
                    && digits(c, offset + 20, length - 21) >= 0 && length - 21 <= 9);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= CivilDates.lengthOfMonth(year, month) && hour >= 0
                    && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60 && fractionOk) {
                return CivilDates.epochDay(year, month, day) * 86400L + hour * 3600L + minute * 60L + Math.min(second, 59);
            }
            return INVALID;
        }
        return parseWithOffset(new String(c, offset, length));
    }

    public static long parseEpochSecond(String text) {
        return parseEpochSecond(text.toCharArray(), 0, text.length());
    }

    private static long parseWithOffset(String text) {
        if (text.length() < 20 || text.charAt(10) != 'T') {
            return INVALID;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    private static int digits(char[] c, int offset, int count) {
        int value = 0;
        for (int i = offset; i < offset + count; i++) {
            char ch = c[i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }
}
