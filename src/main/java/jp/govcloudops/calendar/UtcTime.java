package jp.govcloudops.calendar;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Store timestamps are UTC wall-clock values ({@code TIMESTAMP} without zone), whatever the JVM's zone: the views
 * shift them by the store's zone. Always convert through here, never through java.sql.Timestamp.
 */
public final class UtcTime {

    private UtcTime() {
    }

    public static LocalDateTime ofEpochSecond(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }

    public static LocalDateTime ofEpochHour(long epochHour) {
        return ofEpochSecond(epochHour * 3600);
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
