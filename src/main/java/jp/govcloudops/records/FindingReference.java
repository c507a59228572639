package jp.govcloudops.records;

import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.govcloudops.records.CsvRows.BadValueException;

/**
 * A finding named by what an operator (or the sample generator) knows before detection has numbered it: the account
 * and the Japan time of the finding's first event, to the minute: {@code 741806352913@2026-10-13 02:42}. It
 * resolves to the most severe finding of that account whose first event lies in the hour from that minute (then
 * the earliest, then the lowest id); see {@link FindingResolver}.
 */
public record FindingReference(String accountId, LocalDateTime firstEvent) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{12})@(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2})[ T](\\d{1,2}:\\d{2})");

    static FindingReference parse(String column, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(value.strip());
        if (!m.matches()) {
            throw new BadValueException("'" + column + "' is '" + value + "', expected an account id and the Japan time of"
                    + " the finding's first event, such as 741806352913@2026-10-13 02:42");
        }
        return new FindingReference(m.group(1), Values.dateTime(column, m.group(2) + " " + m.group(3)));
    }

    @Override
    public String toString() {
        return accountId + "@" + firstEvent.toLocalDate() + " " + firstEvent.toLocalTime();
    }
}
