package jp.govcloudops.records;

import java.time.LocalDateTime;
import java.util.List;

import jp.govcloudops.records.CsvRows.BadValueException;
import jp.govcloudops.records.CsvRows.Row;

/** An inquiry received and how it was answered (問合せ対応). Date-times are Japan time. */
public record Inquiry(String id, LocalDateTime received, String channel, String requester, String subject,
        String answer, LocalDateTime answered, String status, String person, int line) {

    public static final List<String> STATUSES = List.of("対応中", "回答済", "完了");
    public static final List<String> REQUIRED = List.of("id", "received", "channel", "requester", "subject", "status");
    public static final List<String> OPTIONAL = List.of("answer", "answered", "person");

    static Inquiry fromRow(Row row) {
        Inquiry inquiry = new Inquiry(Values.required(row, "id", 64), Values.dateTime("received", row.get("received")),
                Values.required(row, "channel", 32), Values.required(row, "requester", 200),
                Values.required(row, "subject", 1000), Values.optional(row, "answer", 4000),
                Values.dateTime("answered", row.get("answered")), Values.oneOf(row, "status", STATUSES),
                Values.optional(row, "person", 200), row.line());
        if (inquiry.received == null) {
            throw new BadValueException("'received' is empty");
        }
        if (inquiry.answered != null && inquiry.answered.isBefore(inquiry.received)) {
            throw new BadValueException("'answered' (" + inquiry.answered + ") is before 'received' (" + inquiry.received + ")");
        }
        return inquiry;
    }
}
