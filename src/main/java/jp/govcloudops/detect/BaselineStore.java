package jp.govcloudops.detect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.calendar.UtcTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The baselines the statistical detections used, per evaluated day (table det_baseline): recomputed from the
 * stored aggregates each time a day is re-derived, so reprocessing never leaves a stale baseline behind.
 */
@Repository
public class BaselineStore {

    public record Row(LocalDate day, String metric, String account, String subject, Stats stats, int historyDays,
            LocalDateTime peakHour, Double peakValue) {
    }

    private final JdbcTemplate jdbc;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    public BaselineStore(JdbcTemplate jdbc, org.springframework.transaction.support.TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Replaces the rows of {@code metrics} for the days of {@code window}, in one transaction. */
    public void replace(DetectionWindow window, List<String> metrics, List<Row> rows) {
        transactions.executeWithoutResult(status -> write(window, metrics, rows));
    }

    private void write(DetectionWindow window, List<String> metrics, List<Row> rows) {
        for (String metric : metrics) {
            jdbc.update("DELETE FROM det_baseline WHERE metric = ? AND day BETWEEN ? AND ?", metric, window.from(),
                    window.to());
        }
        LocalDateTime now = UtcTime.now();
        List<Object[]> args = new ArrayList<>();
        for (Row r : rows) {
            args.add(new Object[] {r.day(), r.metric(), r.account(), cut(r.subject()), r.stats().points(),
                    r.historyDays(), r.stats().mean(), r.stats().stddev(), r.peakHour(), r.peakValue(), now});
        }
        jdbc.batchUpdate("INSERT INTO det_baseline (day, metric, account_id, subject, points, history_days, mean,"
                + " stddev, peak_hour, peak_value, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    private static String cut(String s) {
        return s.length() <= 1024 ? s : s.substring(0, 1024);
    }
}
