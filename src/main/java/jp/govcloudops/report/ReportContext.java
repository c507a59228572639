package jp.govcloudops.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.ReportProperties;
import jp.govcloudops.records.ServiceWindow;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every section needs: the month, its Japan-date and UTC bounds (store timestamps are UTC), the previous month
 * for comparisons, the settings, and the store.
 */
public record ReportContext(YearMonth month, ZoneId zone, LocalDate today, JdbcTemplate jdbc, StoreSchema schema,
        GovcloudProperties settings, ReportProperties report, ServiceWindow serviceWindow) {

    public LocalDate first() {
        return month.atDay(1);
    }

    public LocalDate last() {
        return month.atEndOfMonth();
    }

    public YearMonth previous() {
        return month.minusMonths(1);
    }

    /** The last day whose logs can be complete: the month's end, or yesterday while the month is running. */
    public LocalDate lastCountedDay() {
        LocalDate yesterday = today.minusDays(1);
        return yesterday.isBefore(last()) ? yesterday : last();
    }

    /** Start of the month's first Japan day, as a UTC store timestamp. */
    public LocalDateTime utcStart() {
        return utc(first().atStartOfDay());
    }

    /** Start of the following month, as a UTC store timestamp (exclusive bound). */
    public LocalDateTime utcEnd() {
        return utc(month.plusMonths(1).atDay(1).atStartOfDay());
    }

    public LocalDateTime utc(LocalDateTime local) {
        return local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** A UTC store timestamp as Japan (store zone) local time. */
    public LocalDateTime local(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
    }

    public String accountLabel(String accountId) {
        String name = settings.accountName(accountId);
        return name.equals(accountId) ? accountId : name + "（" + accountId + "）";
    }
}
