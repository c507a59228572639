package jp.govcloudops.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Japanese era (和暦) dates as official documents write them: 令和8年10月1日, 令和元年5月1日, and the fiscal year
 * (年度) that starts in April.
 */
public final class Wareki {

    private Wareki() {
    }

    /** "令和8年" for any date in that era year; the first year is 元年. */
    public static String year(LocalDate date) {
        JapaneseDate japanese = JapaneseDate.from(date);
        JapaneseEra era = japanese.getEra();
        int year = japanese.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        return era.getDisplayName(TextStyle.FULL, Locale.JAPANESE) + (year == 1 ? "元" : String.valueOf(year)) + "年";
    }

    /** "令和8年10月1日". */
    public static String date(LocalDate date) {
        return year(date) + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** "令和8年10月" (the era of the month's first day). */
    public static String month(YearMonth month) {
        return year(month.atDay(1)) + month.getMonthValue() + "月";
    }

    /**
     * "令和8年度": the fiscal year runs April to March and is named by the era year of its April, so January 2027
     * belongs to 令和8年度.
     */
    public static String fiscalYear(YearMonth month) {
        int fiscalYear = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
        return year(LocalDate.of(fiscalYear, 4, 1)) + "度";
    }
}
