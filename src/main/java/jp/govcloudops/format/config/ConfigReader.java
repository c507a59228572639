package jp.govcloudops.format.config;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import jp.govcloudops.format.JsonValues;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.RecordLimits;
import jp.govcloudops.format.finding.Json;
import jp.govcloudops.format.finding.ServiceTimes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads AWS Config's configuration history and snapshot files ({@code {"fileVersion": ..., "configurationItems":
 * [...]}}, item by item, never the whole file) and the other forms configuration items travel in: single items,
 * arrays, change notifications ({@code configurationItem} with its {@code configurationItemDiff}, oversized ones
 * with a {@code configurationItemSummary}), compliance change notifications, SNS envelopes whose {@code Message}
 * is an object or a JSON string, and rule invocation events whose {@code invokingEvent} is a JSON string.
 *
 * <p>Items come in two key shapes: the S3/SNS delivery form ({@code awsAccountId}, {@code ARN},
 * {@code configurationStateMd5Hash}) and the API form ({@code accountId}, {@code arn},
 * {@code configurationItemMD5Hash}); both are read. A notification that carries no item (delivery started or
 * completed, a scheduled rule run), an item without a resource or a readable capture time, and anything else
 * are quarantined with the reason.
 */
public final class ConfigReader {

    private final JsonValues values;
    private final JsonMapper nested = JsonMapper.builder().build();

    public ConfigReader(RecordLimits limits) {
        this.values = new JsonValues(limits, "configurationItems");
    }

    /** Returns how many items, compliance changes and quarantined values the file held. */
    public long read(InputStream decompressed, Consumer<ConfigChange> changes, Quarantine quarantine) {
        long[] read = {0};
        values.read(decompressed, (node, position) -> {
            List<ConfigChange> found = new ArrayList<>();
            String problem = collect(node, found, 0);
            if (problem != null) {
                quarantine.reject(position, problem, Json.excerpt(node));
                read[0]++;
                return;
            }
            found.forEach(changes);
            read[0] += found.size();
        }, quarantine);
        return read[0];
    }

    /** Adds the changes a value holds; returns why it holds none. */
    private String collect(JsonNode node, List<ConfigChange> found, int depth) {
        if (depth > 4) {
            return "configuration data nested too deeply";
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String problem = collect(element, found, depth + 1);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return "not a configuration item or notification";
        }
        if (!node.has("messageType")
                && (node.has("configurationItemCaptureTime") || node.has("resourceType") && node.has("resourceId"))) {
            return item(node, null, found);
        }
        if (node.has("configurationItems")) {
            return collect(node.get("configurationItems"), found, depth + 1);
        }
        JsonNode message = node.has("Message") ? node.get("Message") : node.get("invokingEvent");
        if (message != null) {
            if (message.isString()) {
                try {
                    message = nested.readTree(message.stringValue());
                } catch (JacksonException e) {
                    return "embedded message is not JSON: " + e.getOriginalMessage();
                }
            }
            return collect(message, found, depth + 1);
        }
        String type = Json.text(node.get("messageType"));
        if (type == null) {
            return "not a configuration item or notification";
        }
        return switch (type) {
            case "ConfigurationItemChangeNotification" -> {
                JsonNode item = node.path("configurationItem");
                yield item.isArray() ? firstProblem(item, node.path("configurationItemDiff"), found)
                        : item(item, node.path("configurationItemDiff"), found);
            }
            case "OversizedConfigurationItemChangeNotification" -> item(node.path("configurationItemSummary"),
                    node.path("configurationItemSummary"), found);
            case "ComplianceChangeNotification" -> compliance(node, found);
            default -> "notification of type " + type + " holds no configuration item";
        };
    }

    private String firstProblem(JsonNode items, JsonNode diff, List<ConfigChange> found) {
        for (JsonNode item : items) {
            String problem = item(item, diff, found);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String item(JsonNode ci, JsonNode diff, List<ConfigChange> found) {
        String type = Json.text(ci.get("resourceType"));
        String id = Json.firstOf(ci, "resourceId", "resourceName");
        if (type == null || id == null) {
            return "configuration item without resourceType or resourceId";
        }
        Instant captured = ServiceTimes.parse(ci.get("configurationItemCaptureTime"));
        if (captured == null) {
            return "configuration item of " + type + " " + id + " has no readable configurationItemCaptureTime ('"
                    + Json.text(ci.get("configurationItemCaptureTime")) + "')";
        }
        String status = Json.firstOf(ci, "configurationItemStatus", "configurationItemState");
        String changeType = diff == null ? null : Json.text(diff.get("changeType"));
        if (changeType == null) {
            changeType = changeType(status);
        }
        found.add(new ConfigChange("ITEM", Json.firstOf(ci, "awsAccountId", "accountId"), Json.text(ci.get("awsRegion")),
                type, id, Json.text(ci.get("resourceName")), Json.firstOf(ci, "ARN", "arn"), captured,
                changeType.toUpperCase(Locale.ROOT), status, join(ci.get("relatedEvents")),
                diff == null ? null : keys(diff.get("changedProperties")), null, null,
                Json.firstOf(ci, "configurationStateMd5Hash", "configurationItemMD5Hash")));
        return null;
    }

    private static String compliance(JsonNode n, List<ConfigChange> found) {
        String type = Json.text(n.get("resourceType"));
        String id = Json.text(n.get("resourceId"));
        JsonNode now = n.path("newEvaluationResult");
        Instant at = ServiceTimes.parse(now.get("resultRecordedTime"));
        if (at == null) {
            at = ServiceTimes.parse(n.get("notificationCreationTime"));
        }
        if (type == null || id == null || at == null) {
            return "compliance change without a resource or a readable time";
        }
        found.add(new ConfigChange("COMPLIANCE", Json.text(n.get("awsAccountId")), Json.text(n.get("awsRegion")), type,
                id, null, null, at, "UPDATE", Json.text(now.get("complianceType")), null, null,
                Json.text(n.get("configRuleName")), Json.text(n.path("oldEvaluationResult").get("complianceType")),
                null));
        return null;
    }

    static String changeType(String status) {
        if (status == null) {
            return "UPDATE";
        }
        if (status.equals("ResourceDiscovered")) {
            return "CREATE";
        }
        return status.startsWith("ResourceDeleted") ? "DELETE" : "UPDATE";
    }

    private static String join(JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        list.forEach(e -> {
            String t = Json.text(e);
            if (t != null) {
                parts.add(t);
            }
        });
        return parts.isEmpty() ? null : String.join(",", parts);
    }

    private static String keys(JsonNode changed) {
        if (changed == null || !changed.isObject() || changed.isEmpty()) {
            return null;
        }
        return String.join(",", changed.propertyNames());
    }
}
