package jp.govcloudops.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads an archive directory with DuckDB, as an analyst would: Hive partitions, every Parquet file under a log type. */
public final class ArchiveTables {

    private ArchiveTables() {
    }

    /** The {@code read_parquet} expression of one log type's files; account ids stay text (leading zeros). */
    public static String table(Path archive, String logType) {
        return "read_parquet('" + archive.resolve(logType) + "/**/*.parquet', hive_partitioning = true,"
                + " hive_types = {'account': VARCHAR, 'region': VARCHAR, 'day': DATE})";
    }

    /** Rows of a query, each as its values joined by '|'; empty when the log type has no files. */
    public static List<String> query(Path archive, String logType, String sqlWithTable) throws SQLException {
        List<String> rows = new ArrayList<>();
        if (!Files.isDirectory(archive.resolve(logType))) {
            return rows;
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("SET threads = 1");
            try (ResultSet rs = st.executeQuery(sqlWithTable.replace("{table}", table(archive, logType)))) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.append(c > 1 ? "|" : "").append(rs.getString(c));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    /** A summary of everything archived: CloudTrail counts by partition and event, flow counts and bytes. */
    public static List<String> dump(Path archive) throws SQLException {
        List<String> rows = new ArrayList<>(query(archive, "cloudtrail", "SELECT account, region, day, event_name,"
                + " COUNT(*), COUNT(DISTINCT event_id) FROM {table} GROUP BY ALL ORDER BY ALL"));
        rows.add("--");
        rows.addAll(query(archive, "vpcflow", "SELECT account, region, day, interface_id, action, COUNT(*),"
                + " SUM(bytes) FROM {table} GROUP BY ALL ORDER BY ALL"));
        return rows;
    }
}
