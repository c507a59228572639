package jp.govcloudops.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

/**
 * The national holidays of one year as the 国民の祝日に関する法律 (祝日法) defines them, computed: fixed days, Happy
 * Monday days, the equinox days by the usual astronomical approximation, the one-off days of 2019 and the moved
 * days of 2020 and 2021, then 国民の休日 (a day between two national holidays) and 振替休日 (a holiday on Sunday
 * moves to the next day that is not one).
 *
 * <p>Modelled from {@link #FIRST_YEAR}; the equinox approximation holds until {@link #LAST_YEAR}. Equinox days are
 * only official once the Cabinet Office announces them (each February for the following year), and the law can
 * change: which years count as fixed is the calendar's decision, not this class's.
 */
public final class JapaneseHolidayRules {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    static final String SUBSTITUTE = "振替休日";
    static final String CITIZENS = "国民の休日";

    private JapaneseHolidayRules() {
    }

    /** Holidays of {@code year}, date to name, in date order. */
    public static Map<LocalDate, String> holidays(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("holiday rules are modelled for " + FIRST_YEAR + "–" + LAST_YEAR
                    + " only, not " + year);
        }
        TreeMap<LocalDate, String> national = new TreeMap<>();
        national.put(LocalDate.of(year, 1, 1), "元日");
        national.put(nthMonday(year, Month.JANUARY, 2), "成人の日");
        national.put(LocalDate.of(year, 2, 11), "建国記念の日");
        if (year >= 2020) {
            national.put(LocalDate.of(year, 2, 23), "天皇誕生日");
        } else if (year <= 2018) {
            national.put(LocalDate.of(year, 12, 23), "天皇誕生日");
        }
        national.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "春分の日");
        national.put(LocalDate.of(year, 4, 29), year >= 2007 ? "昭和の日" : "みどりの日");
        national.put(LocalDate.of(year, 5, 3), "憲法記念日");
        if (year >= 2007) {
            national.put(LocalDate.of(year, 5, 4), "みどりの日");
        }
        national.put(LocalDate.of(year, 5, 5), "こどもの日");
        national.put(marineDay(year), "海の日");
        LocalDate mountain = mountainDay(year);
        if (mountain != null) {
            national.put(mountain, "山の日");
        }
        national.put(year <= 2002 ? LocalDate.of(year, 9, 15) : nthMonday(year, Month.SEPTEMBER, 3), "敬老の日");
        national.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "秋分の日");
        national.put(sportsDay(year), year >= 2020 ? "スポーツの日" : "体育の日");
        national.put(LocalDate.of(year, 11, 3), "文化の日");
        national.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
        if (year == 2019) {
            // 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律 (平成30年法律第99号)
            national.put(LocalDate.of(2019, 5, 1), "天皇の即位の日");
            national.put(LocalDate.of(2019, 10, 22), "即位礼正殿の儀の行われる日");
        }

        TreeMap<LocalDate, String> all = new TreeMap<>(national);
        for (LocalDate day : national.keySet()) {
            LocalDate between = day.plusDays(1);
            boolean sundayExcluded = year < 2007 && between.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!national.containsKey(between) && national.containsKey(between.plusDays(1)) && !sundayExcluded
                    && between.getYear() == year) {
                all.put(between, CITIZENS);
            }
        }
        for (LocalDate day : national.keySet()) {
            if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                continue;
            }
            LocalDate next = day.plusDays(1);
            if (year >= 2007) {
                // Since 2007 the substitute is the nearest following day that is not a national holiday.
                while (all.containsKey(next)) {
                    next = next.plusDays(1);
                }
                all.put(next, SUBSTITUTE);
            } else if (!all.containsKey(next)) {
                all.put(next, SUBSTITUTE);
            }
        }
        all.keySet().removeIf(d -> d.getYear() != year);
        return all;
    }

    /** Day of March of 春分の日 (approximation valid 1980–2099). */
    static int vernalEquinoxDay(int year) {
        return (int) Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }

    /** Day of September of 秋分の日 (approximation valid 1980–2099). */
    static int autumnalEquinoxDay(int year) {
        return (int) Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }

    private static LocalDate marineDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 7, 23);
            case 2021 -> LocalDate.of(2021, 7, 22);
            default -> year <= 2002 ? LocalDate.of(year, 7, 20) : nthMonday(year, Month.JULY, 3);
        };
    }

    private static LocalDate mountainDay(int year) {
        if (year < 2016) {
            return null;
        }
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 8, 10);
            case 2021 -> LocalDate.of(2021, 8, 8);
            default -> LocalDate.of(year, 8, 11);
        };
    }

    private static LocalDate sportsDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 7, 24);
            case 2021 -> LocalDate.of(2021, 7, 23);
            default -> nthMonday(year, Month.OCTOBER, 2);
        };
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }
}
