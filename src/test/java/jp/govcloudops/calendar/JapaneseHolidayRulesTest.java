package jp.govcloudops.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The computed holidays against the official lists (内閣府「国民の祝日について」) for 2024–2027 and the special years
 * 2019–2021. The Cabinet Office lists substitute and citizens' holidays as 「休日」; here they carry their kind.
 */
class JapaneseHolidayRulesTest {

    @Test
    void year2024MatchesTheOfficialList() {
        assertThat(JapaneseHolidayRules.holidays(2024)).isEqualTo(list(2024,
                "1/1 元日", "1/8 成人の日", "2/11 建国記念の日", "2/12 振替休日", "2/23 天皇誕生日", "3/20 春分の日",
                "4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 振替休日", "7/15 海の日",
                "8/11 山の日", "8/12 振替休日", "9/16 敬老の日", "9/22 秋分の日", "9/23 振替休日", "10/14 スポーツの日",
                "11/3 文化の日", "11/4 振替休日", "11/23 勤労感謝の日"));
    }

    @Test
    void year2025MatchesTheOfficialList() {
        assertThat(JapaneseHolidayRules.holidays(2025)).isEqualTo(list(2025,
                "1/1 元日", "1/13 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "2/24 振替休日", "3/20 春分の日",
                "4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 振替休日", "7/21 海の日",
                "8/11 山の日", "9/15 敬老の日", "9/23 秋分の日", "10/13 スポーツの日", "11/3 文化の日",
                "11/23 勤労感謝の日", "11/24 振替休日"));
    }

    @Test
    void year2026MatchesTheOfficialList() {
        assertThat(JapaneseHolidayRules.holidays(2026)).isEqualTo(list(2026,
                "1/1 元日", "1/12 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "3/20 春分の日", "4/29 昭和の日",
                "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 振替休日", "7/20 海の日", "8/11 山の日",
                "9/21 敬老の日", "9/22 国民の休日", "9/23 秋分の日", "10/12 スポーツの日", "11/3 文化の日",
                "11/23 勤労感謝の日"));
    }

    @Test
    void year2027MatchesTheOfficialList() {
        assertThat(JapaneseHolidayRules.holidays(2027)).isEqualTo(list(2027,
                "1/1 元日", "1/11 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "3/21 春分の日", "3/22 振替休日",
                "4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "7/19 海の日", "8/11 山の日",
                "9/20 敬老の日", "9/23 秋分の日", "10/11 スポーツの日", "11/3 文化の日", "11/23 勤労感謝の日"));
    }

    @Test
    void year2019HasTheEnthronementDaysAndTheTenDayGoldenWeek() {
        Map<LocalDate, String> h = JapaneseHolidayRules.holidays(2019);
        assertThat(h).containsEntry(LocalDate.of(2019, 4, 30), "国民の休日")
                .containsEntry(LocalDate.of(2019, 5, 1), "天皇の即位の日")
                .containsEntry(LocalDate.of(2019, 5, 2), "国民の休日")
                .containsEntry(LocalDate.of(2019, 5, 6), "振替休日")
                .containsEntry(LocalDate.of(2019, 10, 22), "即位礼正殿の儀の行われる日")
                .containsEntry(LocalDate.of(2019, 8, 12), "振替休日")
                .containsEntry(LocalDate.of(2019, 11, 4), "振替休日")
                .containsEntry(LocalDate.of(2019, 10, 14), "体育の日");
        // No Emperor's Birthday in 2019: 12/23 had passed to history, 2/23 began in 2020.
        assertThat(h).doesNotContainKeys(LocalDate.of(2019, 12, 23), LocalDate.of(2019, 2, 23));
        assertThat(h).hasSize(22);
    }

    @Test
    void olympicYearsMovedTheSummerHolidays() {
        Map<LocalDate, String> y2020 = JapaneseHolidayRules.holidays(2020);
        assertThat(y2020).containsEntry(LocalDate.of(2020, 7, 23), "海の日")
                .containsEntry(LocalDate.of(2020, 7, 24), "スポーツの日")
                .containsEntry(LocalDate.of(2020, 8, 10), "山の日")
                .containsEntry(LocalDate.of(2020, 2, 24), "振替休日")
                .containsEntry(LocalDate.of(2020, 5, 6), "振替休日")
                .doesNotContainKeys(LocalDate.of(2020, 7, 20), LocalDate.of(2020, 8, 11), LocalDate.of(2020, 10, 12));
        assertThat(y2020).hasSize(18);

        Map<LocalDate, String> y2021 = JapaneseHolidayRules.holidays(2021);
        assertThat(y2021).containsEntry(LocalDate.of(2021, 7, 22), "海の日")
                .containsEntry(LocalDate.of(2021, 7, 23), "スポーツの日")
                .containsEntry(LocalDate.of(2021, 8, 8), "山の日")
                .containsEntry(LocalDate.of(2021, 8, 9), "振替休日")
                .doesNotContainKeys(LocalDate.of(2021, 7, 19), LocalDate.of(2021, 8, 11), LocalDate.of(2021, 10, 11));
        assertThat(y2021).hasSize(17);
    }

    @Test
    void substituteHolidaySkipsOverFollowingHolidays() {
        // 2015: 5/3 (Sunday) → 5/4 and 5/5 are holidays themselves, so the substitute is 5/6.
        assertThat(JapaneseHolidayRules.holidays(2015)).containsEntry(LocalDate.of(2015, 5, 6), "振替休日")
                .containsEntry(LocalDate.of(2015, 9, 22), "国民の休日");
        // Before 2007 a Sunday between two holidays stayed a Sunday (2003-05-04) and a Sunday holiday moved only
        // to a free Monday; 5/4 on a weekday was a 国民の休日.
        assertThat(JapaneseHolidayRules.holidays(2003)).doesNotContainKeys(LocalDate.of(2003, 5, 4),
                LocalDate.of(2003, 5, 6));
        assertThat(JapaneseHolidayRules.holidays(2005)).containsEntry(LocalDate.of(2005, 5, 4), "国民の休日");
    }

    @Test
    void equinoxApproximationMatchesAnnouncedDays() {
        int[][] spring = {{2019, 21}, {2020, 20}, {2021, 20}, {2022, 21}, {2023, 21}, {2024, 20}, {2025, 20},
                {2026, 20}, {2027, 21}};
        int[][] autumn = {{2019, 23}, {2020, 22}, {2021, 23}, {2022, 23}, {2023, 23}, {2024, 22}, {2025, 23},
                {2026, 23}, {2027, 23}};
        for (int[] s : spring) {
            assertThat(JapaneseHolidayRules.vernalEquinoxDay(s[0])).as("春分 %d", s[0]).isEqualTo(s[1]);
        }
        for (int[] a : autumn) {
            assertThat(JapaneseHolidayRules.autumnalEquinoxDay(a[0])).as("秋分 %d", a[0]).isEqualTo(a[1]);
        }
    }

    static Map<LocalDate, String> list(int year, String... entries) {
        Map<LocalDate, String> expected = new TreeMap<>();
        for (String entry : entries) {
            String[] parts = entry.split(" ");
            String[] md = parts[0].split("/");
            expected.put(LocalDate.of(year, Integer.parseInt(md[0]), Integer.parseInt(md[1])), parts[1]);
        }
        return expected;
    }
}
