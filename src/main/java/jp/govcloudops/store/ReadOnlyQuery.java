package jp.govcloudops.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * Runs one query as the store's reader ({@link QueryReader}) and writes the result as RFC 4180 CSV with a header row,
 * NULL as an empty field. The text must hold one statement, a query ({@link QueryStatement}); it runs in a read-only
 * transaction that is rolled back. What keeps the store and the machine safe is the reader identity: it can read the
 * store and do nothing else, whatever the statement.
 */
@Component
public class ReadOnlyQuery {

    private static final java.time.format.DateTimeFormatter TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final QueryReader reader;

    public ReadOnlyQuery(QueryReader reader) {
        this.reader = reader;
    }

    /**
     * @param allowSuperuser PostgreSQL: run even as a superuser (or a role that may reach the server's files)
     * @throws IllegalArgumentException when the text is not one query
     * @throws IllegalStateException    when the PostgreSQL role is privileged and that is not allowed
     */
    public long run(String sql, Appendable out, boolean allowSuperuser) throws SQLException, IOException {
        String statement = QueryStatement.single(sql,
                reader.isH2() ? QueryStatement.Dialect.H2 : QueryStatement.Dialect.POSTGRESQL);
        try (Connection connection = reader.open(allowSuperuser)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement st = connection.createStatement()) {
                if (!reader.isH2()) {
                    st.execute("SET TRANSACTION READ ONLY");
                }
                try (ResultSet rs = st.executeQuery(statement)) {
                    return write(rs, out);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /** One line saying why a query was refused or failed: the database's first line, without the statement. */
    public static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String line = message.lines().findFirst().orElse(message).strip();
        return line.replaceFirst(";? ?SQL statement:$", "").strip();
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
