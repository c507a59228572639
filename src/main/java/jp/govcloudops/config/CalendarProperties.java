package jp.govcloudops.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The business calendar behind 受付時間 (service hours), always in Japan time.
 *
 * @param holidaysFile     a holiday list in the Cabinet Office CSV format ({@code yyyy/M/d,名称}, Shift_JIS or
 *                         UTF-8); for every year it lists, it replaces the computed holidays and makes that year
 *                         known
 * @param fixedThroughYear the last year whose computed holidays count as fixed (the Cabinet Office announces a
 *                         year's equinox days in February of the year before); later years are unknown unless the
 *                         holidays file covers them
 * @param yearEndClosure   treat 12/29–1/3 as closed (年末年始, prefectural ordinance)
 * @param extraClosedDays  further closed days (e.g. a prefectural holiday)
 * @param serviceStart     start of 受付時間 on working days (inclusive)
 * @param serviceEnd       end of 受付時間 on working days (exclusive)
 */
@Validated
@ConfigurationProperties("govcloud.calendar")
public record CalendarProperties(
        Path holidaysFile,
        @Min(2000) @Max(2099) @DefaultValue("2027") int fixedThroughYear,
        @DefaultValue("true") boolean yearEndClosure,
        @DefaultValue List<LocalDate> extraClosedDays,
        @NotNull @DefaultValue("08:30") LocalTime serviceStart,
        @NotNull @DefaultValue("17:15") LocalTime serviceEnd) {

    @AssertTrue(message = "govcloud.calendar.service-start must be before govcloud.calendar.service-end")
    public boolean isServiceWindowOrdered() {
        return serviceStart == null || serviceEnd == null || serviceStart.isBefore(serviceEnd);
    }
}
