package jp.govcloudops.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jp.govcloudops.config.CalendarProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which days are closed in the prefecture: weekends, national holidays (computed by {@link JapaneseHolidayRules},
 * replaced year by year by the configured Cabinet Office list), 12/29–1/3 and configured extra days.
 *
 * <p>A year is <em>known</em> when its holidays are fixed: from {@link JapaneseHolidayRules#FIRST_YEAR} through
 * the configured last fixed year, or covered by the holidays file. For a weekday of an unknown year the calendar
 * answers {@link DayKind#UNKNOWN} (and warns once per year) instead of guessing.
 */
@Component
public class HolidayCalendar {

    private static final Logger log = LoggerFactory.getLogger(HolidayCalendar.class);

    public enum DayKind {
        WORKDAY, WEEKEND, HOLIDAY, YEAR_END, EXTRA_CLOSED, UNKNOWN;

        public boolean isClosed() {
            return this != WORKDAY && this != UNKNOWN;
        }
    }

    /** How a day is classified, with the holiday's name when it is one. */
    public record Day(LocalDate date, DayKind kind, String name) {
    }

    private final int fixedThroughYear;
    private final boolean yearEndClosure;
    private final Set<LocalDate> extraClosed;
    private final Map<Integer, Map<LocalDate, String>> fromFile;
    private final Map<Integer, Map<LocalDate, String>> computed = new ConcurrentHashMap<>();
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    @org.springframework.beans.factory.annotation.Autowired
    public HolidayCalendar(CalendarProperties properties) {
        this(properties.fixedThroughYear(), properties.yearEndClosure(), new HashSet<>(properties.extraClosedDays()),
                readFile(properties));
    }

    HolidayCalendar(int fixedThroughYear, boolean yearEndClosure, Set<LocalDate> extraClosed,
            Map<LocalDate, String> listed) {
        this.fixedThroughYear = fixedThroughYear;
        this.yearEndClosure = yearEndClosure;
        this.extraClosed = Set.copyOf(extraClosed);
        Map<Integer, Map<LocalDate, String>> byYear = new HashMap<>();
        listed.forEach((day, name) -> byYear.computeIfAbsent(day.getYear(), y -> new TreeMap<>()).put(day, name));
        this.fromFile = byYear;
    }

    private static Map<LocalDate, String> readFile(CalendarProperties properties) {
        if (properties.holidaysFile() == null) {
            return Map.of();
        }
        try {
            Map<LocalDate, String> listed = HolidayFile.read(properties.holidaysFile());
            log.info("Holiday list {}: {} days in {} years", properties.holidaysFile(), listed.size(),
                    listed.keySet().stream().map(LocalDate::getYear).distinct().count());
            return listed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read govcloud.calendar.holidays-file " + properties.holidaysFile()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Whether the holidays of {@code year} are fixed (officially known). */
    public boolean isKnownYear(int year) {
        return fromFile.containsKey(year)
                || (year >= JapaneseHolidayRules.FIRST_YEAR && year <= fixedThroughYear);
    }

    /** The national holidays (祝日・休日) of a year: the listed ones where the file covers it, else computed. */
    public Map<LocalDate, String> holidays(int year) {
        Map<LocalDate, String> listed = fromFile.get(year);
        if (listed != null) {
            return Collections.unmodifiableMap(listed);
        }
        if (year < JapaneseHolidayRules.FIRST_YEAR || year > JapaneseHolidayRules.LAST_YEAR) {
            return Map.of();
        }
        return computed.computeIfAbsent(year, y -> Collections.unmodifiableMap(JapaneseHolidayRules.holidays(y)));
    }

    public Day classify(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (yearEndClosure && isYearEnd(date)) {
            return new Day(date, DayKind.YEAR_END, "年末年始");
        }
        if (extraClosed.contains(date)) {
            return new Day(date, DayKind.EXTRA_CLOSED, "閉庁日");
        }
        if (isKnownYear(date.getYear())) {
            String name = holidays(date.getYear()).get(date);
            if (name != null) {
                return new Day(date, DayKind.HOLIDAY, name);
            }
        }
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return new Day(date, DayKind.WEEKEND, null);
        }
        if (!isKnownYear(date.getYear())) {
            if (warned.add(date.getYear())) {
                log.warn("Holidays of {} are not fixed (govcloud.calendar.fixed-through-year={}, no holidays-file"
                        + " entries for it): 受付時間 of its weekdays is reported as unknown. Add the Cabinet Office"
                        + " list for {} to govcloud.calendar.holidays-file.", date.getYear(), fixedThroughYear,
                        date.getYear());
            }
            return new Day(date, DayKind.UNKNOWN, null);
        }
        return new Day(date, DayKind.WORKDAY, null);
    }

    private static boolean isYearEnd(LocalDate date) {
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        return (month == 12 && day >= 29) || (month == 1 && day <= 3);
    }
}
