package jp.govcloudops.report;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which tables and views the store has. Sections fed by optional features (detection findings, cost) check here
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
