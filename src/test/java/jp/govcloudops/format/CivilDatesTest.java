package jp.govcloudops.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CivilDatesTest {

    @Test
    void agreesWithJavaTimeOnEveryDayFrom1900To2100() {
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() <= 2100; d = d.plusDays(1)) {
            assertThat(CivilDates.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).as(d.toString())
                    .isEqualTo(d.toEpochDay());
            assertThat(CivilDates.lengthOfMonth(d.getYear(), d.getMonthValue())).as(d.toString())
                    .isEqualTo(d.lengthOfMonth());
        }
    }
}
