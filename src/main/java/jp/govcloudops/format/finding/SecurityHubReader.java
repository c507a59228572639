package jp.govcloudops.format.finding;

import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

import jp.govcloudops.format.JsonValues;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.RecordLimits;
import tools.jackson.databind.JsonNode;

/**
 * Reads Security Hub findings (ASFF) from the files an EventBridge rule delivers through Firehose: EventBridge
 * events, newline-separated or back to back, whose {@code detail.findings[]} hold the findings
 * ({@code Security Hub Findings - Imported}, and {@code - Custom Action}, which carries the findings an operator
 * sent). Raw ASFF objects, arrays of them and {@code GetFindings} responses ({@code Findings}, also inside a
 * recorded response's {@code data}) are read too. An event of another detail-type ({@code Security Hub Insight
 * Results} holds an insight's counts, no findings), a finding without an {@code Id} or a readable
 * {@code UpdatedAt}, and a value that is none of these are quarantined with the reason.
 */
public final class SecurityHubReader {

    private final JsonValues values;

    public SecurityHubReader(RecordLimits limits) {
        this.values = new JsonValues(limits, null);
    }

    /** Returns how many findings and quarantined values the file held. */
    public long read(InputStream decompressed, Consumer<ServiceFinding> findings, Quarantine quarantine) {
        long[] read = {0};
        values.read(decompressed, (node, position) -> {
            JsonNode list = null;
            if (node.has("detail-type")) {
                String detailType = Json.text(node.get("detail-type"));
                if (detailType == null || !detailType.startsWith("Security Hub Findings")) {
                    quarantine.reject(position, "EventBridge event of detail-type '" + detailType
                            + "' holds no Security Hub findings", Json.excerpt(node));
                    read[0]++;
                    return;
                }
                list = node.path("detail").path("findings");
            } else if (node.has("Findings")) {
                list = node.get("Findings");
            } else if (node.path("data").has("Findings")) {
                list = node.path("data").get("Findings");
            }
            if (list == null) {
                one(node, position, findings, quarantine);
                read[0]++;
                return;
            }
            if (!list.isArray()) {
                quarantine.reject(position, "findings is not an array", Json.excerpt(node));
                read[0]++;
                return;
            }
            int n = 0;
            for (JsonNode finding : list) {
                one(finding, position + " finding " + ++n, findings, quarantine);
                read[0]++;
            }
        }, quarantine);
        return read[0];
    }

    private static void one(JsonNode f, String position, Consumer<ServiceFinding> findings, Quarantine quarantine) {
        if (!f.isObject() || !f.has("ProductArn") && !f.has("SchemaVersion")) {
            quarantine.reject(position, "not a Security Hub finding (no ProductArn or SchemaVersion)", Json.excerpt(f));
            return;
        }
        String id = Json.text(f.get("Id"));
        if (id == null || id.isBlank()) {
            quarantine.reject(position, "Security Hub finding without an Id", Json.excerpt(f));
            return;
        }
        Instant updated = ServiceTimes.parse(f.get("UpdatedAt"));
        if (updated == null) {
            quarantine.reject(position, "Security Hub finding " + id + " has no readable UpdatedAt ('"
                    + Json.text(f.get("UpdatedAt")) + "')", Json.excerpt(f));
            return;
        }
        findings.accept(finding(f, id, updated));
    }

    static ServiceFinding finding(JsonNode f, String id, Instant updated) {
        String origin = origin(f);
        String key = "securityhub:" + id;
        if (origin.equals("guardduty")) {
            int at = id.lastIndexOf("/finding/");
            key = "guardduty:" + (at < 0 ? id : id.substring(at + "/finding/".length()));
        }
        JsonNode resource = f.path("Resources").path(0);
        JsonNode severity = f.path("Severity");
        double score = Json.number(severity.get("Normalized"));
        String label = Json.text(severity.get("Label"));
        Instant first = ServiceTimes.parse(f.get("FirstObservedAt"));
        if (first == null) {
            first = ServiceTimes.parse(f.get("CreatedAt"));
        }
        JsonNode productFields = f.path("ProductFields");
        double count = Json.number(productFields.get("count"));
        String workflow = Json.text(f.path("Workflow").get("Status"));
        if (workflow == null) {
            workflow = Json.text(f.get("WorkflowState"));
        }
        return new ServiceFinding("securityhub", key, id, origin, type(f, origin), Json.text(f.get("Title")),
                Json.text(f.get("Description")), severity(label, score, origin, Json.number(severity.get("Product"))),
                score, Json.text(f.get("AwsAccountId")), region(f, resource), Json.text(resource.get("Type")),
                Json.text(resource.get("Id")), Json.first(f.path("Resources"), "UserName"),
                Json.first(f.path("Network"), "SourceIpV4"), count > 0 ? (long) count : 1,
                first == null ? updated : first, updated, upper(workflow), upper(Json.text(f.get("RecordState"))),
                upper(Json.text(f.path("Compliance").get("Status"))), Json.raw(f));
    }

    /** The service that raised the finding, from its product ARN ({@code product/aws/guardduty}) or name. */
    static String origin(JsonNode f) {
        String arn = Json.text(f.get("ProductArn"));
        if (arn != null && arn.contains("/aws/")) {
            return arn.substring(arn.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        }
        String name = Json.firstOf(f, "ProductName");
        if (name == null) {
            name = Json.text(f.path("ProductFields").get("aws/securityhub/ProductName"));
        }
        return name == null ? "other" : name.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** A control's id ({@code EC2.2}, {@code 1.3}), a GuardDuty type, or the first ASFF type. */
    private static String type(JsonNode f, String origin) {
        JsonNode types = f.path("Types");
        if (origin.equals("guardduty") && types.isArray() && !types.isEmpty()) {
            String last = Json.text(types.get(types.size() - 1));
            return last == null ? null : last.substring(last.lastIndexOf('/') + 1);
        }
        String control = Json.text(f.path("Compliance").get("SecurityControlId"));
        if (control == null) {
            control = Json.firstOf(f.path("ProductFields"), "ControlId", "RuleId");
        }
        if (control != null) {
            return control;
        }
        return types.isArray() && !types.isEmpty() ? Json.text(types.get(0)) : Json.text(f.get("GeneratorId"));
    }

    private static String region(JsonNode f, JsonNode resource) {
        String region = Json.firstOf(f, "Region");
        if (region == null) {
            region = Json.text(resource.get("Region"));
        }
        String arn = Json.text(f.get("ProductArn"));
        if (region == null && arn != null && arn.split(":").length > 3) {
            region = arn.split(":")[3];
        }
        return region == null || region.isEmpty() ? null : region;
    }

    /**
     * The label when there is one; else ASFF's normalized bands (0 informational, 1–39 low, 40–69 medium, 70–89
     * high, 90–100 critical); a GuardDuty finding with neither is banded by its own number.
     */
    static String severity(String label, double normalized, String origin, double product) {
        if (label != null) {
            String l = label.strip().toUpperCase(Locale.ROOT);
            if (l.equals("INFORMATIONAL") || l.equals("LOW") || l.equals("MEDIUM") || l.equals("HIGH")
                    || l.equals("CRITICAL")) {
                return l;
            }
        }
        if (normalized >= 0) {
            return normalized >= 90 ? "CRITICAL" : normalized >= 70 ? "HIGH" : normalized >= 40 ? "MEDIUM"
                    : normalized >= 1 ? "LOW" : "INFORMATIONAL";
        }
        if (origin.equals("guardduty") && product >= 0) {
            return ServiceFinding.guardDutySeverity(product);
        }
        return "INFORMATIONAL";
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
