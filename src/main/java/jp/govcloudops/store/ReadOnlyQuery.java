package jp.govcloudops.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * Runs one read-only query and writes the result as RFC 4180 CSV with a header row, NULL as an empty field.
 * Only a single SELECT (or WITH ... SELECT, VALUES, TABLE) is accepted; it runs in a read-only transaction that is
 * rolled back, so even a data-modifying construct the check missed changes nothing.
 */
@Component
public class ReadOnlyQuery {

    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s|--[^\\n]*\\n|/\\*.*?\\*/)*", Pattern.DOTALL);

    private static final java.time.format.DateTimeFormatter TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DataSource dataSource;

    public ReadOnlyQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long run(String sql, Appendable out) throws SQLException, IOException {
        String statement = check(sql);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement st = connection.createStatement()) {
                if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                    st.execute("SET TRANSACTION READ ONLY");
                }
                try (ResultSet rs = st.executeQuery(statement)) {
                    return write(rs, out);
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    static String check(String sql) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        String body = LEADING_COMMENTS.matcher(trimmed).replaceFirst("");
        String first = body.split("[\\s(]+", 2)[0].toUpperCase(Locale.ROOT);
        if (!(first.equals("SELECT") || first.equals("WITH") || first.equals("VALUES") || first.equals("TABLE"))) {
            throw new IllegalArgumentException("only a read-only query (SELECT ...) is accepted, not " + first);
        }
        if (stripQuoted(body).contains(";")) {
            throw new IllegalArgumentException("only one statement is accepted");
        }
        return trimmed;
    }

    private static String stripQuoted(String sql) {
        return sql.replaceAll("'([^']|'')*'", "''").replaceAll("\"[^\"]*\"", "\"\"");
    }

    private static long write(ResultSet rs, Appendable out) throws SQLException, IOException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        String[] header = new String[columns];
        for (int i = 0; i < columns; i++) {
            header[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
        }
        long rows = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header).get();
        CSVPrinter printer = new CSVPrinter(out, format);
        Object[] values = new Object[columns];
        while (rs.next()) {
            for (int i = 0; i < columns; i++) {
                values[i] = value(rs, i + 1, meta.getColumnType(i + 1));
            }
            printer.printRecord(values);
            rows++;
        }
        printer.flush();
        return rows;
    }

    private static String value(ResultSet rs, int column, int type) throws SQLException {
        Object value = switch (type) {
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(column);
            case Types.TIMESTAMP -> {
                java.time.LocalDateTime t = rs.getObject(column, java.time.LocalDateTime.class);
                yield t == null ? null : TIMESTAMP.format(t);
            }
            case Types.DATE -> rs.getObject(column, java.time.LocalDate.class);
            case Types.DECIMAL, Types.NUMERIC -> {
                java.math.BigDecimal d = rs.getBigDecimal(column);
                yield d == null ? null : d.toPlainString();
            }
            default -> rs.getString(column);
        };
        if (rs.wasNull() || value == null) {
            return "";
        }
        return value.toString();
    }
}
