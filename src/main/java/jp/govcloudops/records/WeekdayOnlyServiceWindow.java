package jp.govcloudops.records;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * FALLBACK for days whose national holidays are not known (a year not yet fixed): weekdays 08:30–17:15 except
 * 12/29–1/3, with national holidays NOT excluded. Work on such a holiday is counted as inside hours; every split
 * made here is stored with basis {@code WEEKDAY_ONLY} and the report says so.
 */
public class WeekdayOnlyServiceWindow implements ServiceWindow {

    public static final String BASIS = "WEEKDAY_ONLY";

    private static final LocalTime OPENS = LocalTime.of(8, 30);
    private static final LocalTime CLOSES = LocalTime.of(17, 15);

    @Override
    public LocalTime opens() {
        return OPENS;
    }

    @Override
    public LocalTime closes() {
        return CLOSES;
    }

    @Override
    public boolean isServiceDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        int month = day.getMonthValue();
        int date = day.getDayOfMonth();
        boolean yearEnd = (month == 12 && date >= 29) || (month == 1 && date <= 3);
        return !yearEnd;
    }

    @Override
    public String basis(LocalDate day) {
        return BASIS;
    }

    @Override
    public String description() {
        return "平日 8:30〜17:15（土曜・日曜・祝日・12月29日〜1月3日を除く）";
    }
}
