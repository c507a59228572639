package jp.govcloudops.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Batch-inserts objects' contributions, tagging every row with its object's manifest id and partition. */
@Component
public class ContributionWriter {


    private final JdbcTemplate jdbc;
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    public ContributionWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A contribution with the manifest row and partition that own it. */
    public record Owned(ObjectContribution contribution, long objectId, long partitionId) {
    }

    /** Inserts the contributions' rows, one batch per table and column set whatever the number of objects. */
    public void write(List<Owned> owned) {
        Map<String, List<Object[]>> rowsByStatement = new LinkedHashMap<>();
        for (Owned o : owned) {
            ObjectContribution contribution = o.contribution();
            if (contribution.rowCount() == 0) {
                continue;
            }
            String sql = statements.computeIfAbsent(contribution.table() + contribution.columns(),
                    k -> insert(contribution));
            List<Object[]> rows = rowsByStatement.computeIfAbsent(sql, k -> new ArrayList<>());
            // Text columns are VARCHAR(1024) unless the contribution says otherwise; longer values are cut, not
            // rejected.
            int maxText = contribution.maxTextLength();
            contribution.forEachRow(values -> {
                Object[] row = new Object[values.length + 2];
                row[0] = o.objectId();
                row[1] = o.partitionId();
                for (int i = 0; i < values.length; i++) {
                    row[i + 2] = values[i] instanceof String s && s.length() > maxText ? s.substring(0, maxText)
                            : values[i];
                }
                rows.add(row);
            });
        }
        rowsByStatement.forEach(jdbc::batchUpdate);
    }

    private static String insert(ObjectContribution contribution) {
        List<String> columns = contribution.columns();
        return "INSERT INTO " + contribution.table() + " (object_id, partition_id, " + String.join(", ", columns)
                + ") VALUES (?, ?" + ", ?".repeat(columns.size()) + ")";
    }
}
