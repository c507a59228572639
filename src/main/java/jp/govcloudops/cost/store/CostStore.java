package jp.govcloudops.cost.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.cost.CostDayRow;
import jp.govcloudops.cost.CostLoad;
import jp.govcloudops.cost.CostUnit;
import jp.govcloudops.cost.MonthForecast;
import jp.govcloudops.cost.PeriodSummary;
import jp.govcloudops.cost.RejectedRow;
import jp.govcloudops.format.cost.CostSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes cost loads. {@link #replace} must run in one transaction (the cost job's chunk): the unit's old load goes
 * (with its rows, by cascade), the new one comes, and the owners of the touched billing periods are chosen again,
 * so a reader sees the old period or the new one, never both or half.
 */
@Repository
public class CostStore {

    private static final Logger log = LoggerFactory.getLogger(CostStore.class);
    static final int MAX_TEXT = 1024;

    private final JdbcTemplate jdbc;

    public CostStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The fingerprint of the unit's stored load, or null when it has none. */
    public String fingerprint(String unit) {
        List<String> found = jdbc.queryForList("SELECT fingerprint FROM cost_load WHERE unit = ?", String.class, unit);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Puts a good load in place of the unit's previous one; returns the new load id. */
    public long replace(CostLoad load, List<MonthForecast.Window> windows, Long jobExecutionId) {
        CostUnit unit = load.unit();
        TreeSet<String> periods = new TreeSet<>(jdbc.queryForList("SELECT DISTINCT p.billing_period FROM cost_period p"
                + " JOIN cost_load l ON l.id = p.load_id WHERE l.unit = ?", String.class, unit.unit()));
        jdbc.update("DELETE FROM cost_load WHERE unit = ?", unit.unit());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        LocalDateTime delivered = LocalDateTime.ofInstant(unit.deliveredAt(), ZoneOffset.UTC);
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO cost_load (unit, export_uri, folder_period,"
                    + " schemas, schema_rank, fingerprint, files, line_items, rejected_rows, delivered_at, loaded_at,"
                    + " job_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, unit.unit());
            ps.setString(2, unit.exportUri());
            ps.setString(3, unit.folderPeriod());
            ps.setString(4, load.schemas().stream().map(CostSchema::name).collect(Collectors.joining(",")));
            ps.setInt(5, load.schemaRank());
            ps.setString(6, unit.fingerprint());
            ps.setInt(7, unit.files().size());
            ps.setLong(8, load.lineItems());
            ps.setLong(9, load.rejectedRows());
            ps.setObject(10, delivered);
            ps.setObject(11, UtcTime.now());
            if (jobExecutionId == null) {
                ps.setNull(12, java.sql.Types.BIGINT);
            } else {
                ps.setLong(12, jobExecutionId);
            }
            return ps;
        }, keys);
        long loadId = keys.getKey().longValue();

        List<Object[]> periodRows = new ArrayList<>();
        for (MonthForecast.Window w : windows) {
            PeriodSummary summary = load.periods().stream()
                    .filter(p -> p.billingPeriod().equals(w.month().toString())).findFirst().orElseThrow();
            periodRows.add(new Object[] {loadId, w.month().toString(), w.monthStart(), w.monthDays(),
                    summary.lastUsageDay(), w.completeThrough(), w.completeDays(), w.windowStart(), w.windowDays(),
                    w.remainingDays(), summary.lineItems()});
            periods.add(w.month().toString());
        }
        jdbc.batchUpdate("INSERT INTO cost_period (load_id, billing_period, month_start, month_days, last_usage_day,"
                + " complete_through, complete_days, window_start, window_days, remaining_days, line_items)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", periodRows);

        List<Object[]> dayRows = new ArrayList<>(load.rows().size());
        for (CostDayRow r : load.rows()) {
            dayRows.add(new Object[] {loadId, r.billingPeriod(), r.day(), r.periodCharge(), cut(r.provider(), 256),
                    cut(r.accountId(), MAX_TEXT), cut(r.service(), MAX_TEXT), cut(r.region(), 256),
                    cut(r.currency(), 16), stored(r.billedCost()), stored(r.effectiveCost()), r.lineItems()});
        }
        jdbc.batchUpdate("INSERT INTO cost_day (load_id, billing_period, day, period_charge, provider, account_id,"
                + " service, region, currency, billed_cost, effective_cost, line_items)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", dayRows);

        List<Object[]> rejected = new ArrayList<>();
        for (RejectedRow r : load.rejected()) {
            rejected.add(new Object[] {loadId, cut(r.file(), MAX_TEXT), cut(r.position(), 256), cut(r.reason(), 2000),
                    cut(r.excerpt(), 2000), r.rows()});
        }
        jdbc.batchUpdate("INSERT INTO cost_rejected (load_id, object_key, position, reason, excerpt, row_count)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rejected);
        jdbc.update("DELETE FROM cost_load_error WHERE unit = ?", unit.unit());
        for (String period : periods) {
            chooseOwners(period);
        }
        return loadId;
    }

    /** Records why a unit could not be read; its previous load, if any, stays. */
    public void recordFailure(CostUnit unit, String message, Long jobExecutionId) {
        String text = cut(message == null ? "unknown error" : message, 4000);
        int updated = jdbc.update("UPDATE cost_load_error SET export_uri = ?, message = ?, failed_at = ?,"
                + " job_execution_id = ? WHERE unit = ?", unit.exportUri(), text, UtcTime.now(), jobExecutionId,
                unit.unit());
        if (updated == 0) {
            jdbc.update("INSERT INTO cost_load_error (unit, export_uri, message, failed_at, job_execution_id)"
                    + " VALUES (?, ?, ?, ?, ?)", unit.unit(), unit.exportUri(), text, UtcTime.now(), jobExecutionId);
        }
    }

    /**
     * Chooses, for each provider and account of a billing period, the one load whose rows count: FOCUS before
     * CUR 2.0 before legacy CUR, then the latest delivery.
     */
    void chooseOwners(String billingPeriod) {
        jdbc.update("DELETE FROM cost_owner WHERE billing_period = ?", billingPeriod);
        jdbc.update("INSERT INTO cost_owner (billing_period, provider, account_id, load_id)"
                + " SELECT r.billing_period, r.provider, r.account_id, r.load_id FROM ("
                + "   SELECT k.billing_period, k.provider, k.account_id, k.load_id, ROW_NUMBER() OVER ("
                + "     PARTITION BY k.billing_period, k.provider, k.account_id"
                + "     ORDER BY l.schema_rank, l.delivered_at DESC, l.id DESC) AS rn"
                + "   FROM (SELECT DISTINCT load_id, billing_period, provider, account_id FROM cost_day"
                + "         WHERE billing_period = ?) k"
                + "   JOIN cost_load l ON l.id = k.load_id) r"
                + " WHERE r.rn = 1", billingPeriod);
        List<String> overlaps = jdbc.queryForList("SELECT DISTINCT d.provider || ' ' || d.account_id || ': '"
                + " || l.export_uri FROM cost_day d JOIN cost_load l ON l.id = d.load_id"
                + " JOIN cost_owner o ON o.billing_period = d.billing_period AND o.provider = d.provider"
                + " AND o.account_id = d.account_id AND o.load_id <> d.load_id WHERE d.billing_period = ?",
                String.class, billingPeriod);
        for (String overlap : overlaps) {
            log.warn("Billing period {}: {} also holds this account; another export's rows count instead",
                    billingPeriod, overlap);
        }
    }

    /** What one job execution stored, for the command's summary. */
    public record LoadSummary(String unit, String schemas, int files, long lineItems, long rejectedRows,
            BigDecimal billedCost) {
    }

    public List<LoadSummary> loadsOf(long jobExecutionId) {
        return jdbc.query("SELECT l.unit, l.schemas, l.files, l.line_items, l.rejected_rows,"
                + " (SELECT COALESCE(SUM(d.billed_cost), 0) FROM cost_day d WHERE d.load_id = l.id)"
                + " FROM cost_load l WHERE l.job_execution_id = ? ORDER BY l.unit", (rs, i) -> new LoadSummary(
                        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                        rs.getBigDecimal(6)), jobExecutionId);
    }

    public record Failure(String unit, String message) {
    }

    public List<Failure> failuresOf(long jobExecutionId) {
        return jdbc.query("SELECT unit, message FROM cost_load_error WHERE job_execution_id = ? ORDER BY unit",
                (rs, i) -> new Failure(rs.getString(1), rs.getString(2)), jobExecutionId);
    }

    static BigDecimal stored(BigDecimal value) {
        return value.scale() > jp.govcloudops.format.cost.DecimalSum.MAX_SCALE
                ? value.setScale(jp.govcloudops.format.cost.DecimalSum.MAX_SCALE, RoundingMode.HALF_EVEN) : value;
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
