package jp.govcloudops.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jp.govcloudops.aggregate.ObjectAnalyzer;
import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.detect.rule.CloudTrailRuleIndex;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.format.cloudtrail.CloudTrailEvent;
import jp.govcloudops.store.ObjectContribution;
import tools.jackson.databind.JsonNode;

/**
 * Tests every CloudTrail record of one object against the rules and keeps the matches (table det_ct_match) for
 * the detection stage, which turns them into findings. Per object and rule at most {@code maxMatches} rows are
 * kept, the first {@code maxRaw} with the record's raw JSON; further matches are counted in one overflow row, so
 * thresholds still see every match.
 */
final class RuleMatchCollector implements ObjectAnalyzer<CloudTrailEvent>, ObjectContribution {

    static final String TABLE = "det_ct_match";
    private static final List<String> COLUMNS = List.of("event_time", "rule_id", "event_id", "event_source",
            "event_name", "event_region", "recipient_account_id", "principal", "identity_type", "source_ip",
            "user_agent", "error_code", "resource", "matches", "raw_record");

    /** Where a record usually names what it acted on, for rules that do not say. */
    static final List<String> DEFAULT_RESOURCE_PATHS = List.of("requestParameters.groupId",
            "requestParameters.snapshotId", "requestParameters.imageId", "requestParameters.instanceId",
            "requestParameters.instancesSet.items.instanceId", "requestParameters.bucketName",
            "requestParameters.trailName", "requestParameters.name", "requestParameters.userName",
            "requestParameters.roleName", "requestParameters.groupName", "requestParameters.policyArn",
            "requestParameters.keyId", "requestParameters.detectorId", "requestParameters.vpcId",
            "requestParameters.functionName", "requestParameters.dBInstanceIdentifier");

    private final CloudTrailRuleIndex index;
    private final int maxMatches;
    private final int maxRaw;
    private final int maxRawChars;
    private final List<Object[]> rows = new ArrayList<>();
    private final Map<String, int[]> kept = new HashMap<>();
    private final Map<String, Object[]> overflow = new HashMap<>();
    private CloudTrailEvent current;
    /** One instance: a method reference evaluated per record would allocate per record. */
    private final Consumer<Rule> onMatch = this::matched;

    RuleMatchCollector(CloudTrailRuleIndex index, int maxMatches, int maxRaw, int maxRawChars) {
        this.index = index;
        this.maxMatches = maxMatches;
        this.maxRaw = maxRaw;
        this.maxRawChars = maxRawChars;
    }

    @Override
    public void accept(CloudTrailEvent event) {
        current = event;
        index.match(event, onMatch);
    }

    private void matched(Rule rule) {
        CloudTrailEvent e = current;
        int[] count = kept.computeIfAbsent(rule.id(), id -> new int[1]);
        if (count[0] >= maxMatches) {
            Object[] row = overflow.get(rule.id());
            if (row == null) {
                row = row(rule, e, false);
                row[13] = 0L;
                overflow.put(rule.id(), row);
            }
            row[13] = (Long) row[13] + 1;
            return;
        }
        rows.add(row(rule, e, count[0] < maxRaw));
        count[0]++;
    }

    private Object[] row(Rule rule, CloudTrailEvent e, boolean withRaw) {
        JsonNode tree = e.tree();
        String eventId = tree == null ? null : text(tree.get("eventID"));
        String raw = withRaw ? e.rawJson() : null;
        if (raw != null && raw.length() > maxRawChars) {
            raw = raw.substring(0, maxRawChars);
        }
        return new Object[] {UtcTime.ofEpochSecond(e.eventEpochSecond()), rule.id(), eventId, e.eventSource(),
                e.eventName(), e.awsRegion(), e.recipientAccountId(), e.principal(), e.identityType(),
                e.sourceIpAddress(), e.userAgent(), e.errorCode(), resource(rule), 1L, raw};
    }

    private String resource(Rule rule) {
        for (String path : rule.resourcePaths().isEmpty() ? DEFAULT_RESOURCE_PATHS : rule.resourcePaths()) {
            List<String> values = index.values(path, 3);
            if (!values.isEmpty()) {
                return String.join(",", values);
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainer() ? null : node.asString();
    }

    @Override
    public List<ObjectContribution> contributions() {
        return List.of(this);
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void forEachRow(Consumer<Object[]> row) {
        rows.forEach(row);
        overflow.values().forEach(row);
    }

    @Override
    public int rowCount() {
        return rows.size() + overflow.size();
    }

    @Override
    public int maxTextLength() {
        return Math.max(1024, maxRawChars);
    }
}
