package jp.govcloudops.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jp.govcloudops.calendar.JapaneseHolidayRules;

/**
 * The sample estate's working calendar: weekdays are busier than weekends, national holidays and 12/29–1/3.
 * It shapes generated traffic and tells the labels whether an incident fell inside 受付時間 (weekdays
 * 08:30–17:15 JST). Holidays come from {@link JapaneseHolidayRules} (2000–2099). It shapes the sample only; it is
 * not the calendar findings are judged by.
 */
public final class SampleCalendar {

    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final LocalTime OPENS = LocalTime.of(8, 30);
    private static final LocalTime CLOSES = LocalTime.of(17, 15);
    private static final Map<Integer, Set<LocalDate>> HOLIDAYS = new ConcurrentHashMap<>();

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        if ((date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= 29)
                || (date.getMonth() == Month.JANUARY && date.getDayOfMonth() <= 3)) {
            return false;
        }
        return !isHoliday(date);
    }

    public boolean isInsideServiceHours(ZonedDateTime time) {
        ZonedDateTime jst = time.withZoneSameInstant(JST);
        LocalTime t = jst.toLocalTime();
        return isBusinessDay(jst.toLocalDate()) && !t.isBefore(OPENS) && t.isBefore(CLOSES);
    }

    public boolean isHoliday(LocalDate date) {
        return holidays(date.getYear()).contains(date);
    }

    /** The year's national holidays by the project's own rules, computed once per year (traffic shaping asks often). */
    static Set<LocalDate> holidays(int year) {
        return HOLIDAYS.computeIfAbsent(year, y -> Set.copyOf(JapaneseHolidayRules.holidays(y).keySet()));
    }
}
