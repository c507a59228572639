package jp.govcloudops.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.format.cloudtrail.CloudTrailEvent;
import jp.govcloudops.store.ObjectContribution;
import tools.jackson.databind.JsonNode;

/** CloudTrail Insights events of one object, one row each: few, and each worth seeing on its own. */
public final class CloudTrailInsights implements ObjectContribution {

    private static final List<String> COLUMNS = List.of("event_time", "event_hour", "event_id", "event_source",
            "event_name", "insight_type", "state", "baseline_average", "insight_average", "error_code");

    private final List<Object[]> rows = new ArrayList<>();

    public void add(CloudTrailEvent e) {
        JsonNode tree = e.tree();
        JsonNode details = tree == null ? null : tree.path("insightDetails");
        JsonNode statistics = details == null ? null : details.path("insightContext").path("statistics");
        long second = e.eventEpochSecond();
        rows.add(new Object[] {UtcTime.ofEpochSecond(second), UtcTime.ofEpochHour(Math.floorDiv(second, 3600)),
                tree == null ? null : text(tree.path("eventID")),
                details == null ? e.eventSource() : firstNonNull(text(details.path("eventSource")), e.eventSource()),
                details == null ? e.eventName() : firstNonNull(text(details.path("eventName")), e.eventName()),
                details == null ? null : text(details.path("insightType")),
                details == null ? null : text(details.path("state")),
                statistics == null ? null : number(statistics.path("baseline").path("average")),
                statistics == null ? null : number(statistics.path("insight").path("average")),
                details == null ? null : text(details.path("errorCode"))});
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static Double number(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.asDouble();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    @Override
    public String table() {
        return "ct_insight";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void forEachRow(Consumer<Object[]> row) {
        rows.forEach(row);
    }

    @Override
    public int rowCount() {
        return rows.size();
    }
}
