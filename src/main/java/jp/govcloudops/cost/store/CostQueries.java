package jp.govcloudops.cost.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads an account's month from the owned cost rows, for threshold checks and mails. */
@Repository
public class CostQueries {

    private final JdbcTemplate jdbc;

    public CostQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Billed cost of a day and service ({@code periodCharge}: charges spanning more than a day). */
    public record DayCost(LocalDate day, boolean periodCharge, String service, BigDecimal billedCost) {
    }

    /** The account's billed cost in a billing period and currency, on days up to {@code asOf}. */
    public List<DayCost> accountMonth(String accountId, YearMonth month, String currency, LocalDate asOf) {
        return jdbc.query("SELECT d.day, d.period_charge, d.service, SUM(d.billed_cost) FROM cost_day d"
                + " JOIN cost_owner o ON o.load_id = d.load_id AND o.billing_period = d.billing_period"
                + " AND o.provider = d.provider AND o.account_id = d.account_id"
                + " WHERE d.account_id = ? AND d.billing_period = ? AND d.currency = ? AND d.day <= ?"
                + " GROUP BY d.day, d.period_charge, d.service ORDER BY d.day, d.service",
                (rs, i) -> new DayCost(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3),
                        rs.getBigDecimal(4)), accountId, month.toString(), currency, asOf);
    }

    /** The first day of the billing period that is not complete in the account's data, if it has data. */
    public Optional<LocalDate> completeThrough(String accountId, YearMonth month) {
        LocalDate day = jdbc.queryForObject("SELECT MIN(p.complete_through) FROM cost_period p"
                + " JOIN cost_owner o ON o.load_id = p.load_id AND o.billing_period = p.billing_period"
                + " WHERE o.account_id = ? AND o.billing_period = ?", LocalDate.class, accountId, month.toString());
        return Optional.ofNullable(day);
    }

    /** Currencies other than {@code currency} in which the account has cost that month. */
    public List<String> otherCurrencies(String accountId, YearMonth month, String currency) {
        return jdbc.queryForList("SELECT DISTINCT d.currency FROM cost_day d JOIN cost_owner o"
                + " ON o.load_id = d.load_id AND o.billing_period = d.billing_period AND o.provider = d.provider"
                + " AND o.account_id = d.account_id WHERE d.account_id = ? AND d.billing_period = ?"
                + " AND d.currency <> ? ORDER BY d.currency", String.class, accountId, month.toString(), currency);
    }
}
