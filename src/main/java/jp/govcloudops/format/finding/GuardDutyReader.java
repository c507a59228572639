package jp.govcloudops.format.finding;

import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

import jp.govcloudops.format.JsonValues;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.RecordLimits;
import tools.jackson.databind.JsonNode;

/**
 * Reads GuardDuty findings: the S3 export (one finding per line, lower-camel keys), a JSON array of findings, or
 * EventBridge {@code GuardDuty Finding} events (the finding in {@code detail}). A value that is not a finding, a
 * finding without an id, or one without a readable {@code updatedAt} is quarantined with the reason.
 */
public final class GuardDutyReader {

    private final JsonValues values;

    public GuardDutyReader(RecordLimits limits) {
        this.values = new JsonValues(limits, null);
    }

    /** Returns how many values the file held (findings and quarantined values). */
    public long read(InputStream decompressed, Consumer<ServiceFinding> findings, Quarantine quarantine) {
        return values.read(decompressed, (node, position) -> {
            JsonNode finding = node;
            if (node.has("detail-type")) {
                String detailType = Json.text(node.get("detail-type"));
                if (!"GuardDuty Finding".equals(detailType)) {
                    quarantine.reject(position, "EventBridge event of detail-type '" + detailType
                            + "' holds no GuardDuty finding", Json.excerpt(node));
                    return;
                }
                finding = node.path("detail");
            }
            String problem = problem(finding);
            if (problem != null) {
                quarantine.reject(position, problem, Json.excerpt(node));
                return;
            }
            findings.accept(finding(finding));
        }, quarantine);
    }

    private static String problem(JsonNode f) {
        if (!f.isObject() || !f.has("type") && !f.has("severity")) {
            return "not a GuardDuty finding (no id, type or severity)";
        }
        String id = Json.text(f.get("id"));
        if (id == null || id.isBlank()) {
            return "GuardDuty finding without an id";
        }
        if (ServiceTimes.parse(f.get("updatedAt")) == null) {
            return "GuardDuty finding " + id + " has no readable updatedAt ('" + Json.text(f.get("updatedAt")) + "')";
        }
        if (!f.path("severity").isNumber() && Json.number(f.get("severity")) < 0) {
            return "GuardDuty finding " + id + " has no numeric severity ('" + Json.text(f.get("severity")) + "')";
        }
        return null;
    }

    static ServiceFinding finding(JsonNode f) {
        String id = Json.text(f.get("id"));
        double score = Json.number(f.get("severity"));
        JsonNode service = f.path("service");
        Instant updated = ServiceTimes.parse(f.get("updatedAt"));
        Instant first = ServiceTimes.parse(service.get("eventFirstSeen"));
        if (first == null) {
            first = ServiceTimes.parse(f.get("createdAt"));
        }
        JsonNode resource = f.path("resource");
        long count = service.path("count").isNumber() ? service.path("count").asLong() : 1;
        return new ServiceFinding("guardduty", "guardduty:" + id, id, "guardduty", Json.text(f.get("type")),
                Json.text(f.get("title")), Json.text(f.get("description")), ServiceFinding.guardDutySeverity(score),
                score, Json.text(f.get("accountId")), Json.text(f.get("region")), Json.text(resource.get("resourceType")),
                resourceId(resource), Json.first(resource, "userName"), Json.first(service.path("action"), "ipAddressV4"),
                Math.max(1, count), first == null ? updated : first, updated,
                service.path("archived").asBoolean(false) ? "ARCHIVED" : null, null, null, Json.raw(f));
    }

    /** The resource's name as an operator would look it up. */
    private static String resourceId(JsonNode resource) {
        for (String path : new String[] {"instanceDetails/instanceId", "accessKeyDetails/accessKeyId",
                "s3BucketDetails/0/name", "eksClusterDetails/name", "rdsDbInstanceDetails/dbInstanceIdentifier",
                "lambdaDetails/functionName", "ecsClusterDetails/name", "ebsVolumeDetails/scannedVolumeDetails/0/volumeArn"}) {
            String value = Json.text(Json.at(resource, path));
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
