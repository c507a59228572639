package jp.govcloudops.report.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.config.CostProperties;
import jp.govcloudops.report.ReportContext;

/**
 * The figures of 9 利用料, read from the cost views: each account's billed month in each currency with its forecast,
 * the previous month and its configured budget ({@code cost_month}); the billed cost per day ({@code cost_daily});
 * the threshold crossings recorded by the cost check with their notices ({@code cost_alert}, {@code mail_outbox});
 * and the cost per account and service, counting only each account's owning load ({@code cost_day},
 * {@code cost_owner}).
 */
public final class CostQuery {

    /**
     * One account's billed month in one currency, against its budget (not {@code cost.alert.AccountMonth}, the
     * threshold check's view of a month as of a day).
     *
     * @param previous null when the store has no cost of the month before
     * @param budget   null when the account has no budget in this currency
     */
    public record AccountCost(String accountId, String currency, BigDecimal billed, BigDecimal forecast,
            BigDecimal previous, BigDecimal budget) {
    }

    /** An account's billed cost of one UTC cost day. */
    public record DayCost(LocalDate day, String accountId, String currency, BigDecimal billed) {
    }

    /** A crossing recorded by the threshold check, with its notice (mail state null when no notice is recorded). */
    public record Crossing(String accountId, String ruleKey, String kind, BigDecimal threshold, BigDecimal amount,
            String currency, LocalDate asOf, String mailState, LocalDateTime sentAt, long attempts) {
    }

    /** A cost notice of the month in the mail outbox; times are UTC as stored. */
    public record Notice(LocalDateTime createdAt, LocalDateTime sentAt, String subject, String state) {
    }

    /** An account's cost of one service in one currency, for the month's billing period. */
    public record ServiceCost(String accountId, String service, String currency, BigDecimal billed) {
    }

    /**
     * The month's cost figures.
     *
     * @param byService ordered by account, currency, cost (most first), service
     */
    public record Month(List<AccountCost> accounts, List<DayCost> days, List<Crossing> crossings, long crossed,
            List<Notice> notices, List<ServiceCost> byService) {
    }

    private CostQuery() {
    }

    /** Whether the store has the cost views at all (cost ingestion installed). */
    public static boolean available(ReportContext c) {
        return c.schema().has("cost_month") && c.schema().has("cost_day");
    }

    public static Month load(ReportContext c, CostProperties cost) {
        String month = c.month().toString();
        List<Crossing> crossings = c.jdbc().query("SELECT a.account_id, a.rule_key, a.kind, a.threshold_amount,"
                + " a.amount, a.currency, a.as_of, m.state, m.sent_at, m.attempts FROM cost_alert a"
                + " LEFT JOIN mail_outbox m ON m.dedupe_key = a.dedupe_key WHERE a.month = ?"
                + " ORDER BY a.account_id, a.as_of, a.rule_key", (rs, n) -> new Crossing(rs.getString(1), rs.getString(2),
                        rs.getString(3), orZero(rs.getBigDecimal(4)), orZero(rs.getBigDecimal(5)), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getString(8), rs.getObject(9, LocalDateTime.class),
                        rs.getLong(10)), month);
        Long crossed = c.jdbc().queryForObject("SELECT COUNT(*) FROM cost_alert WHERE month = ?", Long.class, month);
        List<Notice> notices = c.jdbc().query("SELECT m.created_at, m.sent_at, m.subject, m.state"
                + " FROM cost_alert a JOIN mail_outbox m ON m.dedupe_key = a.dedupe_key WHERE a.month = ?"
                + " ORDER BY m.created_at, m.id", (rs, n) -> new Notice(rs.getObject(1, LocalDateTime.class),
                        rs.getObject(2, LocalDateTime.class), rs.getString(3), rs.getString(4)), month);
        List<DayCost> days = c.jdbc().query("SELECT day, account_id, currency, SUM(billed_cost) FROM cost_daily"
                + " WHERE day BETWEEN ? AND ? GROUP BY day, account_id, currency ORDER BY day, account_id",
                (rs, n) -> new DayCost(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        orZero(rs.getBigDecimal(4))), c.first(), c.last());
        List<ServiceCost> byService = c.jdbc().query("SELECT d.account_id, d.service, d.currency,"
                + " SUM(d.billed_cost) FROM cost_day d JOIN cost_owner o ON o.load_id = d.load_id"
                + " AND o.billing_period = d.billing_period AND o.provider = d.provider AND o.account_id = d.account_id"
                + " WHERE d.billing_period = ? GROUP BY d.account_id, d.service, d.currency"
                + " ORDER BY d.account_id, d.currency, SUM(d.billed_cost) DESC, d.service",
                (rs, n) -> new ServiceCost(rs.getString(1), rs.getString(2), rs.getString(3), orZero(rs.getBigDecimal(4))),
                month);
        return new Month(accounts(c, cost), days, crossings, crossed == null ? 0 : crossed, notices, byService);
    }

    private static List<AccountCost> accounts(ReportContext c, CostProperties cost) {
        Map<String, BigDecimal> previous = new HashMap<>();
        c.jdbc().query("SELECT account_id, currency, SUM(billed_cost) FROM cost_month WHERE month = ?"
                + " GROUP BY account_id, currency", rs -> {
                    previous.put(rs.getString(1) + "/" + rs.getString(2), orZero(rs.getBigDecimal(3)));
                }, c.previous().toString());
        List<AccountCost> accounts = new ArrayList<>();
        c.jdbc().query("SELECT account_id, currency, SUM(billed_cost), SUM(forecast_cost) FROM cost_month"
                + " WHERE month = ? GROUP BY account_id, currency ORDER BY account_id, currency", rs -> {
                    String account = rs.getString(1);
                    String currency = rs.getString(2);
                    CostProperties.Account configured = cost.accounts().stream().filter(a -> a.id().equals(account))
                            .findFirst().orElse(null);
                    BigDecimal budget = configured != null && currency.equals(configured.currency())
                            ? configured.monthlyBudget() : null;
                    accounts.add(new AccountCost(account, currency, orZero(rs.getBigDecimal(3)), rs.getBigDecimal(4),
                            previous.get(account + "/" + currency), budget));
                }, c.month().toString());
        return accounts;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
