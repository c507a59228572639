package jp.govcloudops.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jp.govcloudops.records.CsvRows.BadValueException;
import jp.govcloudops.records.CsvRows.Row;

/**
 * One piece of work as an operator records it (作業実績). Times are Japan wall-clock times. The finding it was spent on
 * is given by id, or by a {@link FindingReference} that the import turns into the id.
 */
public record WorkEffort(LocalDate date, LocalTime start, BigDecimal hours, WorkCategory category, String person,
        Long findingId, FindingReference findingRef, String note, int line) {

    public static final List<String> REQUIRED = List.of("date", "hours", "category", "person");
    public static final List<String> OPTIONAL = List.of("start", "finding_id", "finding_ref", "note");

    WorkEffort withFindingId(Long id) {
        return new WorkEffort(date, start, hours, category, person, id, findingRef, note, line);
    }

    static WorkEffort fromRow(Row row) {
        LocalDate date = Values.date("date", Values.required(row, "date", 20));
        BigDecimal hours = Values.hours("hours", Values.required(row, "hours", 10));
        String category = Values.required(row, "category", 32);
        WorkCategory parsed = WorkCategory.fromLabel(category).orElseThrow(() -> new BadValueException("'category'"
                + " is '" + category + "', expected one of " + String.join("、", WorkCategory.labels())));
        Long findingId = Values.id("finding_id", row.get("finding_id"));
        FindingReference findingRef = FindingReference.parse("finding_ref", row.get("finding_ref"));
        if (findingId != null && findingRef != null) {
            throw new BadValueException("give 'finding_id' or 'finding_ref', not both");
        }
        return new WorkEffort(date, Values.time("start", row.get("start")), hours, parsed,
                Values.required(row, "person", 200), findingId, findingRef, Values.optional(row, "note", 2000), row.line());
    }
}
