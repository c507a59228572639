package jp.govcloudops.report;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings PostgreSQL's planner statistics up to date for the tables the report reads, when they are as stale as
 * autovacuum's own rule says (more rows changed since the last ANALYZE than 50 + 10 % of the table).
 *
 * <p>Autovacuum would analyze them within a minute or so, but a report started right after a large ingestion (the
 * demo, a first load, a benchmark) finds tables without statistics; the planner then takes the month's summed rows
 * for a dozen and joins them by nested loops, which turned a 0.1-second query into ten seconds. H2 needs nothing.
 */
@Component
public class StoreStatistics {

    private static final Logger log = LoggerFactory.getLogger(StoreStatistics.class);
    private static final List<String> TABLES = List.of("ct_hourly", "flow_hourly", "flow_boundary_hourly",
            "source_object", "log_partition");

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public StoreStatistics(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store's database product: " + e.getMessage(), e);
        }
    }

    /** Analyzes the stale tables among those the report reads; returns their names. */
    public List<String> refresh() {
        if (!postgres) {
            return List.of();
        }
        List<String> stale = jdbc.queryForList("SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()"
                + " AND relname IN ('" + String.join("', '", TABLES) + "') AND n_mod_since_analyze > 50 + 0.1 * n_live_tup"
                + " ORDER BY relname", String.class);
        for (String table : stale) {
            jdbc.execute("ANALYZE " + table);
        }
        if (!stale.isEmpty()) {
            log.info("Analyzed {} (planner statistics were stale after loading)", String.join(", ", stale));
        }
        return stale;
    }
}
