package jp.govcloudops.records;

import java.time.LocalDate;
import java.time.LocalTime;

import jp.govcloudops.calendar.HolidayCalendar;
import jp.govcloudops.config.CalendarProperties;
import org.springframework.stereotype.Component;

/**
 * 受付時間 from the national-holiday calendar (govcloud.calendar): closed on weekends, holidays, 12/29–1/3 and the
 * configured extra days. For a year whose holidays are not yet fixed it falls back to the weekday-only rule and
 * says so through {@link #basis(LocalDate)}.
 */
@Component
public class CalendarServiceWindow implements ServiceWindow {

    public static final String BASIS = "CALENDAR";

    private final HolidayCalendar calendar;
    private final CalendarProperties properties;
    private final WeekdayOnlyServiceWindow fallback = new WeekdayOnlyServiceWindow();

    public CalendarServiceWindow(HolidayCalendar calendar, CalendarProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    @Override
    public LocalTime opens() {
        return properties.serviceStart();
    }

    @Override
    public LocalTime closes() {
        return properties.serviceEnd();
    }

    @Override
    public boolean isServiceDay(LocalDate day) {
        HolidayCalendar.Day classified = calendar.classify(day);
        if (classified.kind() == HolidayCalendar.DayKind.UNKNOWN) {
            return fallback.isServiceDay(day);
        }
        return !classified.kind().isClosed();
    }

    @Override
    public String basis(LocalDate day) {
        return calendar.classify(day).kind() == HolidayCalendar.DayKind.UNKNOWN ? WeekdayOnlyServiceWindow.BASIS : BASIS;
    }

    @Override
    public String description() {
        return "平日 " + time(opens()) + "〜" + time(closes()) + "（土曜・日曜・祝日・12月29日〜1月3日"
                + (properties.extraClosedDays().isEmpty() ? "" : "・県の休日") + "を除く）";
    }

    private static String time(LocalTime t) {
        return t.getHour() + ":" + String.format("%02d", t.getMinute());
    }
}
