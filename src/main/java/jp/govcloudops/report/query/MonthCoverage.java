package jp.govcloudops.report.query;

import java.time.YearMonth;
import java.util.List;

import jp.govcloudops.report.ReportContext;

/**
 * Whether the store covers a month at all: it holds at least one log object of the month's folder dates. Figures of
 * a month it does not cover (typically the month before the first one ingested) are unknown, printed 「—」, not 0.
 */
public final class MonthCoverage {

    private MonthCoverage() {
    }

    public static boolean hasLogs(ReportContext c, YearMonth month) {
        return c.shared(List.of(MonthCoverage.class, month), () -> {
            Long n = c.jdbc().queryForObject("SELECT COUNT(*) FROM source_object o JOIN log_partition p"
                    + " ON p.id = o.partition_id WHERE o.state = 'ACTIVE' AND p.folder_date BETWEEN ? AND ?", Long.class,
                    month.atDay(1), month.atEndOfMonth());
            return n != null && n > 0;
        });
    }
}
