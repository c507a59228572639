package jp.govcloudops.records;

import java.time.LocalDate;
import java.util.List;

import jp.govcloudops.records.CsvRows.BadValueException;
import jp.govcloudops.records.CsvRows.Row;

/** An entry of the risk register (課題・リスク管理表). */
public record Risk(String id, LocalDate identified, String title, String description, String impact,
        String likelihood, String countermeasure, String owner, String status, LocalDate due, LocalDate closed,
        int line) {

    public static final List<String> LEVELS = List.of("高", "中", "低");
    public static final List<String> STATUSES = List.of("対応中", "監視中", "解決済", "受容");
    public static final List<String> REQUIRED = List.of("id", "identified", "title", "impact", "likelihood", "status");
    public static final List<String> OPTIONAL = List.of("description", "countermeasure", "owner", "due", "closed");

    static Risk fromRow(Row row) {
        Risk risk = new Risk(Values.required(row, "id", 64), Values.date("identified", Values.required(row,
                "identified", 20)), Values.required(row, "title", 500), Values.optional(row, "description", 4000),
                Values.oneOf(row, "impact", LEVELS), Values.oneOf(row, "likelihood", LEVELS),
                Values.optional(row, "countermeasure", 4000), Values.optional(row, "owner", 200),
                Values.oneOf(row, "status", STATUSES), Values.date("due", row.get("due")),
                Values.date("closed", row.get("closed")), row.line());
        if (risk.closed != null && risk.closed.isBefore(risk.identified)) {
            throw new BadValueException("'closed' (" + risk.closed + ") is before 'identified' (" + risk.identified + ")");
        }
        if ("解決済".equals(risk.status) && risk.closed == null) {
            throw new BadValueException("status 解決済 needs a 'closed' date");
        }
        return risk;
    }
}
