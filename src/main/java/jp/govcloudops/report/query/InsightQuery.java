package jp.govcloudops.report.query;

import java.time.LocalDateTime;
import java.util.List;

import jp.govcloudops.report.ReportContext;

/** CloudTrail Insights events of the month (view {@code cloudtrail_insights}). */
public final class InsightQuery {

    /** The start of an Insights event; time UTC as stored, averages null when the event gives none. */
    public record Insight(LocalDateTime timeUtc, String accountId, String eventSource, String eventName,
            String insightType, Double baselineAverage, Double insightAverage) {
    }

    private InsightQuery() {
    }

    public static List<Insight> started(ReportContext c) {
        return c.jdbc().queryForList("SELECT event_time, account_id, event_source, event_name, insight_type, state,"
                + " baseline_average, insight_average FROM cloudtrail_insights WHERE day BETWEEN ? AND ?"
                + " AND (state IS NULL OR state = 'Start') ORDER BY event_time", c.first(), c.last()).stream()
                .map(r -> new Insight(Rows.timestamp(r, "event_time"), Rows.text(r, "account_id"),
                        Rows.text(r, "event_source"), Rows.text(r, "event_name"), Rows.text(r, "insight_type"),
                        average(r.get("baseline_average")), average(r.get("insight_average")))).toList();
    }

    private static Double average(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
