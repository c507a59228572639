package jp.govcloudops.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.govcloudops.calendar.HolidayCalendar.DayKind;
import jp.govcloudops.calendar.ServiceHours.Status;
import jp.govcloudops.config.CalendarProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayCalendarTest {

    private final HolidayCalendar calendar = new HolidayCalendar(2027, true, Set.of(), Map.of());
    private final ServiceHours hours = new ServiceHours(calendar, LocalTime.of(8, 30), LocalTime.of(17, 15));

    @Test
    void serviceHoursAreWeekdaysFrom0830To1715Japan() {
        assertThat(hours.at(jst("2025-06-02T08:29:59"))).isEqualTo(Status.OUTSIDE);
        assertThat(hours.at(jst("2025-06-02T08:30:00"))).isEqualTo(Status.INSIDE);
        assertThat(hours.at(jst("2025-06-02T17:14:59"))).isEqualTo(Status.INSIDE);
        assertThat(hours.at(jst("2025-06-02T17:15:00"))).isEqualTo(Status.OUTSIDE);
        // Saturday and Sunday
        assertThat(hours.at(jst("2025-06-07T10:00:00"))).isEqualTo(Status.OUTSIDE);
        assertThat(hours.at(jst("2025-06-08T10:00:00"))).isEqualTo(Status.OUTSIDE);
        // 00:30 UTC on a Monday is 09:30 JST: inside, whatever the UTC date says.
        assertThat(hours.at(Instant.parse("2025-06-02T00:30:00Z"))).isEqualTo(Status.INSIDE);
        assertThat(hours.at(Instant.parse("2025-06-01T23:45:00Z"))).isEqualTo(Status.INSIDE);
    }

    @Test
    void substituteAndCitizensHolidaysAreClosed() {
        for (String day : List.of("2024-02-12", "2024-09-23", "2026-05-06", "2026-09-22", "2025-11-24", "2027-03-22")) {
            assertThat(calendar.classify(LocalDate.parse(day)).kind()).as(day).isEqualTo(DayKind.HOLIDAY);
            assertThat(hours.at(jst(day + "T10:00:00"))).as(day).isEqualTo(Status.OUTSIDE);
        }
        assertThat(calendar.classify(LocalDate.parse("2026-09-22")).name()).isEqualTo("国民の休日");
        assertThat(calendar.classify(LocalDate.parse("2024-02-12")).name()).isEqualTo("振替休日");
        assertThat(calendar.classify(LocalDate.parse("2026-09-24")).kind()).isEqualTo(DayKind.WORKDAY);
    }

    @Test
    void yearEndClosureCoversDecember29ToJanuary3() {
        for (String day : List.of("2025-12-29", "2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02", "2026-01-03")) {
            assertThat(hours.at(jst(day + "T10:00:00"))).as(day).isEqualTo(Status.OUTSIDE);
        }
        assertThat(calendar.classify(LocalDate.parse("2025-12-29")).kind()).isEqualTo(DayKind.YEAR_END);
        assertThat(calendar.classify(LocalDate.parse("2026-01-02")).kind()).isEqualTo(DayKind.YEAR_END);
        assertThat(hours.at(jst("2025-12-26T10:00:00"))).isEqualTo(Status.INSIDE);
        assertThat(hours.at(jst("2026-01-05T10:00:00"))).isEqualTo(Status.INSIDE);
        HolidayCalendar open = new HolidayCalendar(2027, false, Set.of(), Map.of());
        assertThat(open.classify(LocalDate.parse("2025-12-29")).kind()).isEqualTo(DayKind.WORKDAY);
    }

    @Test
    void everyNationalHoliday2024To2027IsOutsideServiceHours() {
        int count = 0;
        for (int year = 2024; year <= 2027; year++) {
            for (LocalDate day : JapaneseHolidayRules.holidays(year).keySet()) {
                assertThat(hours.at(jst(day + "T12:00:00"))).as(day.toString()).isEqualTo(Status.OUTSIDE);
                count++;
            }
        }
        assertThat(count).isEqualTo(21 + 19 + 18 + 17);
    }

    @Test
    void aYearBeyondTheFixedRangeIsUnknownOnWeekdaysButNeverFails() {
        assertThat(calendar.isKnownYear(2028)).isFalse();
        assertThat(hours.at(jst("2028-06-05T10:00:00"))).isEqualTo(Status.UNKNOWN);
        // Outside the window, on weekends and at year end the answer does not depend on holidays.
        assertThat(hours.at(jst("2028-06-05T20:00:00"))).isEqualTo(Status.OUTSIDE);
        assertThat(hours.at(jst("2028-06-03T10:00:00"))).isEqualTo(Status.OUTSIDE);
        assertThat(hours.at(jst("2028-01-02T10:00:00"))).isEqualTo(Status.OUTSIDE);
        assertThat(hours.at(jst("1999-06-01T10:00:00"))).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cabinetOfficeListInShiftJisReplacesAndExtendsYears(@TempDir Path dir) throws Exception {
        // The published file: Shift_JIS, CRLF, a header line. Listing 2028 makes it known; listing 2026 replaces
        // the computed days of 2026 (here with a made-up special day to show the replacement).
        String csv = "国民の祝日・休日月日,国民の祝日・休日名称\r\n2026/1/1,元日\r\n2026/6/15,特別の休日\r\n"
                + "2028/1/1,元日\r\n2028/1/10,成人の日\r\n2028/3/20,春分の日\r\n";
        Path file = dir.resolve("syukujitsu.csv");
        Files.write(file, csv.getBytes(Charset.forName("windows-31j")));
        HolidayCalendar withFile = new HolidayCalendar(properties(file));
        ServiceHours h = new ServiceHours(withFile, LocalTime.of(8, 30), LocalTime.of(17, 15));
        assertThat(withFile.isKnownYear(2028)).isTrue();
        assertThat(withFile.classify(LocalDate.parse("2028-03-20")).name()).isEqualTo("春分の日");
        assertThat(h.at(jst("2028-03-21T10:00:00"))).isEqualTo(Status.INSIDE);
        assertThat(h.at(jst("2028-01-10T10:00:00"))).isEqualTo(Status.OUTSIDE);
        assertThat(withFile.classify(LocalDate.parse("2026-06-15")).name()).isEqualTo("特別の休日");
        assertThat(withFile.classify(LocalDate.parse("2026-07-20")).kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(withFile.isKnownYear(2029)).isFalse();
    }

    @Test
    void utf8ListWithBomIsReadToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("holidays.csv");
        Files.writeString(file, "\uFEFF2029/1/1,元日\n2029/1/8,成人の日\n", StandardCharsets.UTF_8);
        HolidayCalendar withFile = new HolidayCalendar(properties(file));
        assertThat(withFile.classify(LocalDate.parse("2029-01-08")).name()).isEqualTo("成人の日");
    }

    @Test
    void aBrokenListNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "2026/1/1,元日\n2026/13/1,あり得ない日\n");
        assertThatThrownBy(() -> new HolidayCalendar(properties(file)))
                .hasMessageContaining("bad.csv line 2");
    }

    @Test
    void extraClosedDaysAreOutside() {
        HolidayCalendar local = new HolidayCalendar(2027, true, Set.of(LocalDate.parse("2025-06-03")), Map.of());
        assertThat(local.classify(LocalDate.parse("2025-06-03")).kind()).isEqualTo(DayKind.EXTRA_CLOSED);
    }

    private static CalendarProperties properties(Path file) {
        return new CalendarProperties(file, 2027, true, List.of(), LocalTime.of(8, 30), LocalTime.of(17, 15));
    }

    private static Instant jst(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), ServiceHours.JAPAN).toInstant();
    }
}
