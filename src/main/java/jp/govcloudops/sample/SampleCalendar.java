package jp.govcloudops.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.TreeSet;

/**
 * The sample estate's working calendar: weekdays are busier than weekends, national holidays and 12/29–1/3.
 * It shapes generated traffic and tells the labels whether an incident fell inside 受付時間 (weekdays
 * 08:30–17:15 JST). Holidays follow the 祝日法 rules with the usual equinox approximation (valid 1980–2099),
 * which is good enough to shape a sample; it is not the calendar findings are judged by.
 */
public final class SampleCalendar {

    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final LocalTime OPENS = LocalTime.of(8, 30);
    private static final LocalTime CLOSES = LocalTime.of(17, 15);

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

    static TreeSet<LocalDate> holidays(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        int[][] fixed = {{1, 1}, {2, 11}, {2, 23}, {4, 29}, {5, 3}, {5, 4}, {5, 5}, {8, 11}, {11, 3}, {11, 23}};
        for (int[] md : fixed) {
            days.add(LocalDate.of(year, md[0], md[1]));
        }
        days.add(nthMonday(year, 1, 2));   // 成人の日
        days.add(nthMonday(year, 7, 3));   // 海の日
        days.add(nthMonday(year, 9, 3));   // 敬老の日
        days.add(nthMonday(year, 10, 2));  // スポーツの日
        int y = year - 1980;
        days.add(LocalDate.of(year, 3, (int) Math.floor(20.8431 + 0.242194 * y - Math.floor(y / 4.0))));
        days.add(LocalDate.of(year, 9, (int) Math.floor(23.2488 + 0.242194 * y - Math.floor(y / 4.0))));
        // 振替休日: the next day that is not already a holiday, after a holiday on a Sunday.
        for (LocalDate day : new TreeSet<>(days)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                LocalDate substitute = day.plusDays(1);
                while (days.contains(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                days.add(substitute);
            }
        }
        // 国民の休日: an ordinary day between two holidays.
        for (LocalDate day : new TreeSet<>(days)) {
            LocalDate between = day.plusDays(1);
            if (!days.contains(between) && days.contains(day.plusDays(2))
                    && between.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(between);
            }
        }
        return days;
    }

    private static LocalDate nthMonday(int year, int month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }
}
