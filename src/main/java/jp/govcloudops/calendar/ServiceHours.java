package jp.govcloudops.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jp.govcloudops.config.CalendarProperties;
import org.springframework.stereotype.Component;

/**
 * 受付時間: working days from {@code serviceStart} (inclusive) to {@code serviceEnd} (exclusive), Japan time. A
 * time outside the window or on a weekend or year-end day is outside whatever the holidays; only a time inside
 * the window on a weekday of a year whose holidays are not fixed is unknown.
 */
@Component
public class ServiceHours {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public enum Status {
        INSIDE("受付時間内"), OUTSIDE("受付時間外"), UNKNOWN("不明（祝日未確定）");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final HolidayCalendar calendar;
    private final LocalTime start;
    private final LocalTime end;

    @org.springframework.beans.factory.annotation.Autowired
    public ServiceHours(HolidayCalendar calendar, CalendarProperties properties) {
        this(calendar, properties.serviceStart(), properties.serviceEnd());
    }

    public ServiceHours(HolidayCalendar calendar, LocalTime start, LocalTime end) {
        this.calendar = calendar;
        this.start = start;
        this.end = end;
    }

    public Status at(Instant instant) {
        LocalDateTime japan = LocalDateTime.ofInstant(instant, JAPAN);
        LocalTime time = japan.toLocalTime();
        if (time.isBefore(start) || !time.isBefore(end)) {
            return Status.OUTSIDE;
        }
        HolidayCalendar.Day day = calendar.classify(japan.toLocalDate());
        if (day.kind() == HolidayCalendar.DayKind.UNKNOWN) {
            return Status.UNKNOWN;
        }
        return day.kind().isClosed() ? Status.OUTSIDE : Status.INSIDE;
    }

    /** For store timestamps, which are UTC wall-clock values. */
    public Status atUtc(LocalDateTime utc) {
        return at(utc.toInstant(ZoneOffset.UTC));
    }
}
