package jp.govcloudops.report;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * What the store is: which tables and views it has, and its zone. Sections fed by optional features (detection findings, cost) check here
 * first and say 該当なし when the feature's tables are absent, instead of failing the report.
 */
@Component
public class StoreSchema {

    private final DataSource dataSource;
    private volatile Set<String> names;

    public StoreSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean has(String tableOrView) {
        return names().contains(tableOrView.toLowerCase(Locale.ROOT));
    }

    /** The store zone's offset from UTC in hours (table store_zone), by which the daily views turn hours into days. */
    public int offsetHours() {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT offset_hours FROM store_zone WHERE id = 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("the store has no store_zone row: run the migrations (any command does)");
            }
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the store's zone: " + e.getMessage(), e);
        }
    }

    private Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            known = new HashSet<>();
            try (var connection = dataSource.getConnection();
                    ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA") && !schema.equalsIgnoreCase("pg_catalog")) {
                        known.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read the store's schema: " + e.getMessage(), e);
            }
            names = known;
        }
        return known;
    }
}
