package jp.govcloudops.sample;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleCalendarTest {

    private final SampleCalendar calendar = new SampleCalendar();

    @Test
    void knowsTheHolidaysThatShapeTheSample() {
        assertThat(SampleCalendar.holidays(2026)).contains(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 3, 20),
                LocalDate.of(2026, 5, 6), LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 22),
                LocalDate.of(2026, 9, 23), LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 23));
        assertThat(SampleCalendar.holidays(2026)).hasSize(18);
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 10, 13))).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 29))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2027, 1, 4))).isTrue();
    }

    @Test
    void serviceHoursAreWeekdayOfficeHoursInJapan() {
        assertThat(calendar.isInsideServiceHours(ZonedDateTime.parse("2026-10-13T08:30:00+09:00"))).isTrue();
        assertThat(calendar.isInsideServiceHours(ZonedDateTime.parse("2026-10-13T17:15:00+09:00"))).isFalse();
        assertThat(calendar.isInsideServiceHours(ZonedDateTime.parse("2026-10-12T10:00:00+09:00"))).isFalse();
        assertThat(calendar.isInsideServiceHours(ZonedDateTime.parse("2026-10-13T01:00:00Z"))).isTrue();
    }

    @Test
    void deliveryWindowsDivideTheDay() {
        assertThat(DeliverySchedule.filesPerHour(1).windowMinutes()).isEqualTo(60);
        assertThat(DeliverySchedule.filesPerHour(12).windowMinutes()).isEqualTo(5);
        assertThat(DeliverySchedule.filesPerHour(0.25).windowMinutes()).isEqualTo(240);
        assertThat(DeliverySchedule.filesPerHour(0.333).windowMinutes()).isEqualTo(180);
        assertThat(DeliverySchedule.filesPerHour(0.25).windows(LocalDate.of(2026, 10, 1))).hasSize(6);
        assertThatThrownBy(() -> DeliverySchedule.filesPerHour(0.7)).hasMessageContaining("0.25");
        assertThat(DeliverySchedule.defaultFilesPerHour(1)).isEqualTo(1);
        assertThat(DeliverySchedule.defaultFilesPerHour(0.1)).isEqualTo(0.25);
    }
}
