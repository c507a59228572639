package jp.govcloudops.format.finding;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Times as the security services and their copies write them: ISO-8601 with {@code Z} or an offset
 * ({@code 2019-06-24T18:06:33.303Z}, {@code 2018-11-28T23:26:17.728987+00:00}), with a space and no zone as
 * normalising tools store them ({@code 2025-02-25 20:40:06.721}, read as UTC), up to nanoseconds, or epoch seconds
 * (Config's API output; 13 digits are milliseconds). Anything else is no time.
 */
public final class ServiceTimes {

    private static final Pattern NO_ZONE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    private ServiceTimes() {
    }

    /** The instant, or null when the node holds no readable time. */
    public static Instant parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            double value = node.asDouble();
            long seconds = value > 1e12 ? (long) (value / 1000) : (long) value;
            return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
        }
        return node.isString() ? parse(node.stringValue()) : null;
    }

    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (NO_ZONE.matcher(t).matches()) {
                t = t.replace(' ', 'T') + "Z";
            }
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
