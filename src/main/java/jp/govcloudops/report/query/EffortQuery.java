package jp.govcloudops.report.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.report.ReportContext;

/**
 * The work-effort figures (table {@code work_effort}) the report shows: sums per category and per person, the
 * entries linked to findings, the template applications, every entry of the month, and the work per finding.
 * Inside/outside 受付時間 are split at import and stored, so these are plain sums.
 */
public final class EffortQuery {

    /** Sums of one category or one person: entries, person-hours, inside and outside 受付時間. */
    public record Hours(String key, long entries, BigDecimal hours, BigDecimal inside, BigDecimal outside) {
    }

    /** The month's work linked to one finding. */
    public record OnFinding(long findingId, long entries, BigDecimal hours, LocalDate firstDay) {
    }

    /** One effort entry; {@code start} and {@code findingId} may be null. */
    public record Entry(LocalDate workDate, LocalTime start, String category, BigDecimal hours, BigDecimal outside,
            String person, Long findingId, String note) {
    }

    /** All work recorded for a finding, whenever done: when it started first, and the hours in all. */
    public record FindingWork(LocalDateTime first, BigDecimal hours) {
    }

    private EffortQuery() {
    }

    /** Per work category (the stored label), in no particular order. */
    public static List<Hours> byCategory(ReportContext c) {
        return hours(c, "category", "GROUP BY category");
    }

    /** Per person, most hours first. */
    public static List<Hours> byPerson(ReportContext c) {
        return hours(c, "person", "GROUP BY person ORDER BY SUM(hours) DESC, person");
    }

    private static List<Hours> hours(ReportContext c, String key, String grouping) {
        return c.jdbc().queryForList("SELECT " + key + ", COUNT(*) AS entries, SUM(hours) AS hours,"
                + " SUM(inside_hours) AS inside, SUM(outside_hours) AS outside FROM work_effort"
                + " WHERE work_date BETWEEN ? AND ? " + grouping, c.first(), c.last()).stream()
                .map(r -> new Hours(Rows.text(r, key), Rows.num(r, "entries"), Rows.decimal(r, "hours"),
                        Rows.decimal(r, "inside"), Rows.decimal(r, "outside"))).toList();
    }

    /** Entries split by the weekday-only calendar (no holiday calendar was configured when they were imported). */
    public static long weekdayOnly(ReportContext c) {
        Long n = c.jdbc().queryForObject("SELECT COUNT(*) FROM work_effort WHERE work_date BETWEEN ? AND ?"
                + " AND hours_basis = 'WEEKDAY_ONLY'", Long.class, c.first(), c.last());
        return n == null ? 0 : n;
    }

    /** The month's work per finding, by finding id. */
    public static List<OnFinding> onFindings(ReportContext c) {
        return c.jdbc().queryForList("SELECT finding_id, COUNT(*) AS entries, SUM(hours) AS hours,"
                + " MIN(work_date) AS first_day FROM work_effort WHERE work_date BETWEEN ? AND ? AND finding_id IS NOT NULL"
                + " GROUP BY finding_id ORDER BY finding_id", c.first(), c.last()).stream()
                .map(r -> new OnFinding(Rows.num(r, "finding_id"), Rows.num(r, "entries"), Rows.decimal(r, "hours"),
                        Rows.date(r, "first_day"))).toList();
    }

    /** Every entry of the month, by date and start time. */
    public static List<Entry> entries(ReportContext c) {
        return entries(c, "", "work_date, start_time, id");
    }

    /** The month's entries of one category, by date. */
    public static List<Entry> entries(ReportContext c, String category) {
        return entries(c, " AND category = ?", "work_date, id", category);
    }

    private static List<Entry> entries(ReportContext c, String filter, String order, Object... more) {
        Object[] args = new Object[2 + more.length];
        args[0] = c.first();
        args[1] = c.last();
        System.arraycopy(more, 0, args, 2, more.length);
        return c.jdbc().queryForList("SELECT work_date, start_time, category, hours, outside_hours, person, finding_id,"
                + " note FROM work_effort WHERE work_date BETWEEN ? AND ?" + filter + " ORDER BY " + order, args).stream()
                .map(r -> new Entry(Rows.date(r, "work_date"), time(r.get("start_time")), Rows.text(r, "category"),
                        Rows.decimal(r, "hours"), Rows.decimal(r, "outside_hours"), Rows.text(r, "person"),
                        r.get("finding_id") == null ? null : Rows.num(r, "finding_id"), Rows.text(r, "note"))).toList();
    }

    /** All work linked to findings, whenever recorded (read once per report), by finding id. */
    public static Map<Long, FindingWork> perFinding(ReportContext c) {
        return c.shared(FindingWork.class, () -> {
            Map<Long, FindingWork> work = new HashMap<>();
            for (Map<String, Object> row : c.jdbc().queryForList("SELECT finding_id, work_date, start_time, hours FROM"
                    + " work_effort WHERE finding_id IS NOT NULL")) {
                LocalTime start = time(row.get("start_time"));
                FindingWork entry = new FindingWork(Rows.date(row, "work_date").atTime(start == null ? LocalTime.MIDNIGHT
                        : start), Rows.decimal(row, "hours"));
                work.merge(Rows.num(row, "finding_id"), entry, (a, b) -> new FindingWork(
                        a.first().isBefore(b.first()) ? a.first() : b.first(), a.hours().add(b.hours())));
            }
            return work;
        });
    }

    private static LocalTime time(Object value) {
        return value == null ? null : value instanceof java.sql.Time t ? t.toLocalTime()
                : value instanceof LocalTime l ? l : LocalTime.parse(value.toString());
    }
}
