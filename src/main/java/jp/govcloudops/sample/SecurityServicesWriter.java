package jp.govcloudops.sample;

import static jp.govcloudops.sample.Json.arr;
import static jp.govcloudops.sample.Json.obj;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import tools.jackson.databind.node.ObjectNode;

/**
 * The estate's own alerts: GuardDuty's S3 export ({@code AWSLogs/<account>/GuardDuty/...}, JSON Lines), Security
 * Hub's findings as EventBridge events through Firehose ({@code securityhub/YYYY/MM/DD/HH/}) and AWS Config's
 * history ({@code AWSLogs/<account>/Config/<region>/YYYY/M/D/ConfigHistory/}). Every account has a port probe that
 * GuardDuty exports again each day with a growing count, two failed Security Hub controls (the security group one
 * passes again on the last day) and a daily security group change. Planted on the middle day of the first account:
 * credentials used outside AWS (HIGH, 14:12 JST) and an attack sequence (CRITICAL, 14:40 JST), both also imported
 * into Security Hub, and an insight event that holds no findings.
 */
public final class SecurityServicesWriter implements SampleWriter {

    static final String REGION = SampleEstate.TOKYO;

    @Override
    public String name() {
        return "security-services";
    }

    @Override
    public List<String> ownedPaths() {
        return List.of(SampleContext.LOGS);
    }

    @Override
    public void write(SampleContext context) {
        LocalDate from = context.options().from();
        LocalDate to = context.options().to();
        List<SampleEstate.Account> accounts = context.estate().accounts();
        LocalDate middle = from.plusDays(from.until(to).getDays() / 2);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long dayStart = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            List<String> hubEvents = new ArrayList<>();
            for (int a = 0; a < accounts.size(); a++) {
                SampleEstate.Account account = accounts.get(a);
                SplittableRandom random = context.seeds().stream(name(), account.id(), day.toString());
                List<ObjectNode> findings = new ArrayList<>();
                int days = from.until(day).getDays();
                findings.add(guardDuty(account.id(), "probe-" + account.slug(), "Recon:EC2/PortProbeUnprotectedPort",
                        5.0, "EC2 instance has an unprotected port which is being probed by a known malicious host.",
                        dayStart - 86_400 * days + 3_600, dayStart + 6 * 3_600 + random.nextInt(600), 3 + 7 * days));
                if (a == 0 && day.equals(middle)) {
                    ObjectNode exfiltration = guardDuty(account.id(), "planted-exfiltration",
                            "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 8.0,
                            "Credentials created exclusively for an EC2 instance are being used from an external IP.",
                            dayStart + 5 * 3_600 + 11 * 60, dayStart + 5 * 3_600 + 12 * 60, 1);
                    ObjectNode attack = guardDuty(account.id(), "planted-attack-sequence",
                            "AttackSequence:IAM/CompromisedCredentials", 9.0,
                            "A sequence of actions indicating a possible credential compromise.",
                            dayStart + 5 * 3_600 + 30 * 60, dayStart + 5 * 3_600 + 40 * 60, 1);
                    findings.add(exfiltration);
                    findings.add(attack);
                    hubEvents.add(imported(List.of(asffOfGuardDuty(exfiltration), asffOfGuardDuty(attack)),
                            dayStart + 5 * 3_600 + 45 * 60));
                }
                StringBuilder lines = new StringBuilder();
                findings.forEach(f -> lines.append(f).append('\n'));
                String prefix = "AWSLogs/" + account.id() + "/GuardDuty/" + REGION + "/" + CloudTrailWriter.datePath(dayStart)
                        + "/";
                context.writeLog(name(), prefix + RandomText.uuid(random) + ".jsonl.gz",
                        ObjectSink.gzip(lines.toString().getBytes(StandardCharsets.UTF_8)), findings.size());

                boolean last = day.equals(to);
                hubEvents.add(imported(List.of(control(account.id(), "EC2.19", "HIGH", last ? "PASSED" : "FAILED",
                        "Security groups should not allow unrestricted access to ports with high risk",
                        "AwsEc2SecurityGroup", "sg-0" + account.id().substring(0, 8), dayStart + 7 * 3_600),
                        control(account.id(), "S3.8", "MEDIUM", "FAILED",
                                "S3 general purpose buckets should block public access", "AwsS3Bucket",
                                "arn:aws:s3:::" + account.slug() + "-documents", dayStart + 7 * 3_600)),
                        dayStart + 7 * 3_600 + 120));

                String configKey = "AWSLogs/" + account.id() + "/Config/" + REGION + "/" + day.getYear() + "/"
                        + day.getMonthValue() + "/" + day.getDayOfMonth() + "/ConfigHistory/" + account.id()
                        + "_Config_" + REGION + "_ConfigHistory_AWS::EC2::SecurityGroup_" + stamp(day) + "T000000Z_"
                        + stamp(day) + "T060000Z_1.json.gz";
                ObjectNode item = obj("configurationItemVersion", "1.3", "configurationItemCaptureTime",
                        Json.iso(dayStart + 2 * 3_600 + random.nextInt(3_600)), "configurationStateId",
                        dayStart * 1000, "awsAccountId", account.id(), "configurationItemStatus", "OK",
                        "resourceType", "AWS::EC2::SecurityGroup", "resourceId", "sg-0" + account.id().substring(0, 8),
                        "resourceName", account.slug() + "-app", "ARN", "arn:aws:ec2:" + REGION + ":" + account.id()
                                + ":security-group/sg-0" + account.id().substring(0, 8),
                        "awsRegion", REGION, "relatedEvents", arr(RandomText.uuid(random)),
                        "configuration", obj("groupName", account.slug() + "-app"));
                String history = obj("fileVersion", "1.0", "configurationItems", arr(item)).toString();
                context.writeLog(name(), configKey, ObjectSink.gzip(history.getBytes(StandardCharsets.UTF_8)), 1);
            }
            if (day.equals(middle)) {
                hubEvents.add(obj("version", "0", "id", "insight-" + day, "detail-type", "Security Hub Insight Results",
                        "source", "aws.securityhub", "time", Json.iso(dayStart + 8 * 3_600), "detail",
                        obj("actionName", "count", "insightName", "failed controls")).toString());
            }
            SplittableRandom random = context.seeds().stream(name(), "hub", day.toString());
            String hour = CloudTrailWriter.datePath(dayStart) + "/07/";
            context.writeLog(name(), "securityhub/" + hour + "govcloud-securityhub-1-" + day + "-07-10-00-"
                    + RandomText.uuid(random) + ".gz",
                    ObjectSink.gzip(String.join("\n", hubEvents).getBytes(StandardCharsets.UTF_8)), hubEvents.size());
        }
    }

    private static String stamp(LocalDate day) {
        return "%04d%02d%02d".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    private static ObjectNode guardDuty(String account, String id, String type, double severity, String title,
            long firstSeen, long updated, int count) {
        return obj("schemaVersion", "2.0", "accountId", account, "region", REGION, "partition", "aws", "id", id,
                "arn", "arn:aws:guardduty:" + REGION + ":" + account + ":detector/d0/finding/" + id, "type", type,
                "resource", obj("resourceType", "Instance", "instanceDetails", obj("instanceId", "i-0" + account.substring(4))),
                "service", obj("serviceName", "guardduty", "detectorId", "d0", "count", count, "archived", false,
                        "eventFirstSeen", Json.iso(firstSeen), "eventLastSeen", Json.iso(updated)),
                "severity", severity, "createdAt", Json.iso(firstSeen), "updatedAt", Json.iso(updated), "title", title,
                "description", title);
    }

    private static ObjectNode asffOfGuardDuty(ObjectNode f) {
        String account = f.get("accountId").asString();
        double severity = f.get("severity").asDouble();
        return obj("SchemaVersion", "2018-10-08", "Id", f.get("arn").asString(), "ProductArn", "arn:aws:securityhub:"
                + REGION + "::product/aws/guardduty", "GeneratorId", "arn:aws:guardduty:" + REGION + ":" + account
                + ":detector/d0", "AwsAccountId", account, "Region", REGION, "Types",
                arr("TTPs/" + f.get("type").asString().replace('/', '-')), "CreatedAt", f.get("createdAt").asString(),
                "UpdatedAt", f.get("updatedAt").asString(), "Severity", obj("Product", severity, "Normalized",
                        (int) (severity * 10)), "Title", f.get("title").asString(), "ProductFields",
                obj("count", String.valueOf(f.get("service").get("count").asInt())), "Resources",
                arr(obj("Type", "AwsEc2Instance", "Id", f.get("resource").get("instanceDetails").get("instanceId")
                        .asString())), "Workflow", obj("Status", "NEW"), "RecordState", "ACTIVE");
    }

    private static ObjectNode control(String account, String control, String severity, String status, String title,
            String resourceType, String resourceId, long updated) {
        return obj("SchemaVersion", "2018-10-08", "Id", "arn:aws:securityhub:" + REGION + ":" + account
                + ":security-control/" + control + "/finding/" + account + "-" + control, "ProductArn",
                "arn:aws:securityhub:" + REGION + "::product/aws/securityhub", "GeneratorId", "security-control/"
                        + control, "AwsAccountId", account, "Region", REGION, "Types",
                arr("Software and Configuration Checks/Industry and Regulatory Standards"), "CreatedAt",
                Json.iso(updated - 86_400), "UpdatedAt", Json.iso(updated), "Severity",
                obj("Label", status.equals("PASSED") ? "INFORMATIONAL" : severity), "Title", title, "Resources",
                arr(obj("Type", resourceType, "Id", resourceId, "Region", REGION)), "Compliance",
                obj("Status", status, "SecurityControlId", control), "Workflow",
                obj("Status", status.equals("PASSED") ? "RESOLVED" : "NEW"), "RecordState", "ACTIVE");
    }

    private static String imported(List<ObjectNode> findings, long time) {
        return obj("version", "0", "id", "event-" + time, "detail-type", "Security Hub Findings - Imported", "source",
                "aws.securityhub", "time", Json.iso(time), "region", REGION, "detail",
                obj("findings", arr(findings.toArray()))).toString();
    }
}
