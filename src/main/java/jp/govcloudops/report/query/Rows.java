package jp.govcloudops.report.query;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/** Reads typed values from {@code queryForList} rows (column names are case-insensitive there). */
final class Rows {

    private Rows() {
    }

    static long num(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static BigDecimal decimal(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            return BigDecimal.ZERO;
        }
        return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }

    static LocalDate date(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        return v instanceof java.sql.Date d ? d.toLocalDate() : v instanceof LocalDate l ? l : LocalDate.parse(v.toString());
    }

    /** A TIMESTAMP column as stored (UTC wall clock), without any zone conversion by the driver. */
    static LocalDateTime timestamp(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDateTime l) {
            return l;
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        return LocalDateTime.parse(v.toString().replace(' ', 'T'));
    }

    static Boolean bool(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
    }
}
