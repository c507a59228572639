package jp.govcloudops.cost.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jp.govcloudops.calendar.UtcTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The alarm latch: a threshold crossing is recorded once per account, month and rule. */
@Repository
public class CostAlertStore {

    private final JdbcTemplate jdbc;

    public CostAlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Alert(String accountId, String month, String ruleKey, String kind, BigDecimal thresholdAmount,
            BigDecimal amount, String currency, LocalDate asOf, String dedupeKey) {
    }

    /** Records the crossing unless it was recorded before; returns whether it is new. */
    public boolean latch(Alert alert) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM cost_alert WHERE account_id = ? AND month = ?"
                + " AND rule_key = ?", Integer.class, alert.accountId(), alert.month(), alert.ruleKey());
        if (existing != null && existing > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO cost_alert (account_id, month, rule_key, kind, threshold_amount, amount, currency,"
                    + " as_of, detected_at, dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", alert.accountId(),
                    alert.month(), alert.ruleKey(), alert.kind(), rounded(alert.thresholdAmount()),
                    rounded(alert.amount()), alert.currency(), alert.asOf(), UtcTime.now(), alert.dedupeKey());
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    public List<Alert> alerts(YearMonth month) {
        return jdbc.query("SELECT account_id, month, rule_key, kind, threshold_amount, amount, currency, as_of,"
                + " dedupe_key FROM cost_alert WHERE month = ? ORDER BY account_id, detected_at",
                (rs, i) -> new Alert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getString(9)), month.toString());
    }

    private static BigDecimal rounded(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP);
    }
}
