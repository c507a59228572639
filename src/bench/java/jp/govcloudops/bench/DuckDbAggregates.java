package jp.govcloudops.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * DuckDB computing the same daily aggregates as our views, from the same files, in its own JVM (DuckDB's memory
 * is native, so only a process of its own shows it). Each query groups per file first, so the account and region
 * (which, as in our store, come from the object key) are cut out of a few hundred file names rather than millions
 * of rows: DuckDB gets the cheapest plan we know for it. The day is the event's date in Asia/Tokyo (UTC+9, no
 * daylight saving), as in {@code flow_daily} and {@code cloudtrail_daily} with the default zone.
 *
 * <p>Arguments: {@code RESULT ROWS KIND FILE_LIST THREADS}, KIND one of flow-text, flow-parquet, cloudtrail.
 */
public final class DuckDbAggregates {

    static final String ACCOUNT = "regexp_extract(filename, 'AWSLogs/(o-[^/]+/)?(aws-account-id=)?([0-9]{12})/', 3)";
    static final String FLOW_REGION = "regexp_extract(filename, 'vpcflowlogs/(aws-region=)?([a-z0-9-]+)/', 2)";
    static final String TRAIL_REGION = "regexp_extract(filename, '/CloudTrail/([a-z0-9-]+)/', 1)";
    static final String TOKYO_DAY = "DATE '1970-01-01' + CAST((start + 32400) // 86400 AS INTEGER)";

    public static void main(String[] args) throws Exception {
        Path result = Path.of(args[0]);
        Path rows = Path.of(args[1]);
        String kind = args[2];
        List<String> files = Files.readAllLines(Path.of(args[3]));
        int threads = Integer.parseInt(args[4]);
        String sql = switch (kind) {
            case "flow-text" -> flow(flowTextRelation(files), "\"interface-id\"", "\"log-status\"");
            case "flow-parquet" -> flow("read_parquet(" + list(files) + ", filename = true, union_by_name = true)",
                    "interface_id", "log_status");
            case "cloudtrail" -> cloudTrail(list(files), largestUncompressed(files));
            default -> throw new IllegalArgumentException(kind);
        };
        ProcessMetrics metrics = new ProcessMetrics();
        Properties out = new Properties();
        long groups = 0;
        long records = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                BufferedWriter w = Files.newBufferedWriter(rows)) {
            s.execute("SET threads = " + threads);
            s.execute("SET preserve_insertion_order = false");
            metrics.start();
            try (ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        line.append(i > 1 ? "\t" : "").append(v == null ? "" : v.toString());
                    }
                    w.write(line.append('\n').toString());
                    groups++;
                    records += rs.getLong(kind.equals("cloudtrail") ? "events" : "flows");
                }
            }
            metrics.stop(out);
        }
        out.setProperty("records", Long.toString(records));
        out.setProperty("groups", Long.toString(groups));
        out.setProperty("files", Integer.toString(files.size()));
        out.setProperty("sql", sql.replaceAll("\\['/[^\\]]*\\]", "[FILES]"));
        try (OutputStream o = Files.newOutputStream(result)) {
            out.store(o, "DuckDbAggregates");
        }
    }

    static String list(List<String> files) {
        return files.stream().map(f -> "'" + f.replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * One read_csv per header (field order): with a single schema per scan DuckDB sniffs one file instead of every
     * file, which {@code union_by_name} would do (several times slower on a few hundred files).
     */
    static String flowTextRelation(List<String> files) throws IOException {
        Map<String, List<String>> byHeader = new TreeMap<>();
        for (String file : files) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(Path.of(file))), StandardCharsets.US_ASCII))) {
                byHeader.computeIfAbsent(r.readLine(), k -> new ArrayList<>()).add(file);
            }
        }
        List<String> scans = new ArrayList<>();
        for (List<String> group : byHeader.values()) {
            scans.add("SELECT filename, start, \"interface-id\", action, \"log-status\", packets, bytes FROM read_csv("
                    + list(group) + ", delim = ' ', header = true, nullstr = '-', filename = true,"
                    + " types = {'start': 'BIGINT', 'packets': 'BIGINT', 'bytes': 'BIGINT'})");
        }
        return "(" + String.join(" UNION ALL ", scans) + ")";
    }

    /** The largest file's uncompressed size, from the gzip trailer: read_json must hold a whole file as one object. */
    static long largestUncompressed(List<String> files) throws IOException {
        long max = 0;
        for (String file : files) {
            try (RandomAccessFile f = new RandomAccessFile(file, "r")) {
                f.seek(f.length() - 4);
                long size = Integer.toUnsignedLong(Integer.reverseBytes(f.readInt()));
                max = Math.max(max, size);
            }
        }
        return max;
    }

    /** flow_daily: flows, packets and bytes per day, account, region, interface, action and log status. */
    static String flow(String relation, String interfaceColumn, String statusColumn) {
        return "WITH per_file AS (SELECT filename, " + TOKYO_DAY + " AS day, " + interfaceColumn + " AS interface_id,"
                + " action, " + statusColumn + " AS log_status, count(*) AS flows,"
                + " sum(coalesce(packets, 0)) AS packets, sum(coalesce(bytes, 0)) AS bytes"
                + " FROM " + relation + " GROUP BY ALL)"
                + " SELECT CAST(day AS VARCHAR) AS day, " + ACCOUNT + " AS account_id, " + FLOW_REGION + " AS region,"
                + " interface_id, action, log_status, sum(flows) AS flows, sum(packets) AS packets, sum(bytes) AS bytes"
                + " FROM per_file GROUP BY ALL";
    }

    /** cloudtrail_daily: events per day, account, region, event source, event name and error code. */
    static String cloudTrail(String list, long largestFile) {
        return "WITH records AS (SELECT filename, unnest(Records) AS r FROM read_json(" + list + ","
                + " columns = {'Records': 'STRUCT(eventTime VARCHAR, eventSource VARCHAR, eventName VARCHAR,"
                + " errorCode VARCHAR)[]'}, maximum_object_size = " + Math.max(16L << 20, largestFile + 1)
                + ", filename = true)),"
                + " per_file AS (SELECT filename,"
                + " CAST(CAST(r.eventTime AS TIMESTAMP) + INTERVAL 9 HOUR AS DATE) AS day,"
                + " r.eventSource AS event_source, r.eventName AS event_name, r.errorCode AS error_code,"
                + " count(*) AS events FROM records GROUP BY ALL)"
                + " SELECT CAST(day AS VARCHAR) AS day, " + ACCOUNT + " AS account_id, " + TRAIL_REGION + " AS region,"
                + " event_source, event_name, error_code, sum(events) AS events FROM per_file GROUP BY ALL";
    }
}
