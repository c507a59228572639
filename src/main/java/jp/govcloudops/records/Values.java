package jp.govcloudops.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import jp.govcloudops.records.CsvRows.BadValueException;
import jp.govcloudops.records.CsvRows.Row;

/** Parses and checks the typed columns of operator CSV files; every failure names the column and the rule. */
final class Values {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d");
    private static final DateTimeFormatter DATE_SLASH = DateTimeFormatter.ofPattern("uuuu/M/d");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private Values() {
    }

    static String required(Row row, String column, int maxLength) {
        String value = row.get(column);
        if (value == null) {
            throw new BadValueException("'" + column + "' is empty");
        }
        return text(column, value, maxLength);
    }

    static String optional(Row row, String column, int maxLength) {
        String value = row.get(column);
        return value == null ? null : text(column, value, maxLength);
    }

    private static String text(String column, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new BadValueException("'" + column + "' is longer than " + maxLength + " characters");
        }
        return value;
    }

    static String oneOf(Row row, String column, List<String> allowed) {
        String value = required(row, column, 64);
        if (!allowed.contains(value)) {
            throw new BadValueException("'" + column + "' is '" + value + "', expected one of " + String.join("、", allowed));
        }
        return value;
    }

    static LocalDate date(String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, value.contains("/") ? DATE_SLASH : DATE);
        } catch (DateTimeParseException e) {
            throw new BadValueException("'" + column + "' is '" + value + "', expected a date such as 2026-10-05");
        }
    }

    static LocalTime time(String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value, TIME);
        } catch (DateTimeParseException e) {
            throw new BadValueException("'" + column + "' is '" + value + "', expected a time such as 9:30 or 18:00");
        }
    }

    /** A Japan date and time ("2026-10-05 09:30", or with slashes); returned as written, in Japan time. */
    static LocalDateTime dateTime(String column, String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.strip().split("[ T]+");
        if (parts.length != 2) {
            throw new BadValueException("'" + column + "' is '" + value + "', expected a Japan date and time such as"
                    + " 2026-10-05 09:30");
        }
        return date(column, parts[0]).atTime(time(column, parts[1]));
    }

    static BigDecimal hours(String column, String value) {
        BigDecimal hours;
        try {
            hours = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new BadValueException("'" + column + "' is '" + value + "', expected hours such as 1.5");
        }
        if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0 || hours.scale() > 2) {
            throw new BadValueException("'" + column + "' is " + value + ", expected more than 0 and at most 24 hours,"
                    + " with at most two decimals");
        }
        return hours.setScale(2);
    }

    static Long id(String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new BadValueException("'" + column + "' is '" + value + "', expected a finding id (a positive number)");
        }
    }
}
