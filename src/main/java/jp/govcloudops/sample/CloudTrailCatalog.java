package jp.govcloudops.sample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jp.govcloudops.sample.Principal.Persona;
import jp.govcloudops.sample.SampleEstate.Account;
import jp.govcloudops.sample.SampleEstate.NetworkInterface;
import tools.jackson.databind.node.ObjectNode;

import static jp.govcloudops.sample.Json.arr;
import static jp.govcloudops.sample.Json.items;
import static jp.govcloudops.sample.Json.obj;

/**
 * The everyday API calls of each persona: which APIs, how often relative to each other, and plausible request
 * and response contents. Nothing here is an incident: no root, no console sign-in without MFA, no logging or
 * detector changes, no world-open rules; the only security-group change opens 443 to LGCS.
 */
final class CloudTrailCatalog {

    /** Fills in the request and response of a call. */
    @FunctionalInterface
    private interface Detail {
        void fill(ApiCall call, AccountResources r, String region, SplittableRandom random);
    }

    private record Api(String source, String name, boolean readOnly, double weight, boolean needsApplication,
            Detail detail) {
    }

    private final Map<Persona, List<Api>> apis = new EnumMap<>(Persona.class);

    CloudTrailCatalog() {
        apis.put(Persona.OPERATOR, List.of(
                read("ec2", "DescribeInstances", 10, (c, r, g, x) -> c.request(obj("instancesSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeSecurityGroups", 4, (c, r, g, x) -> c.request(obj("securityGroupSet", Json.empty(), "securityGroupIdSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeVpcs", 2, (c, r, g, x) -> c.request(obj("vpcSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeSubnets", 2, (c, r, g, x) -> c.request(obj("subnetSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeNetworkInterfaces", 2, (c, r, g, x) -> c.request(obj("networkInterfaceIdSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeRouteTables", 1, (c, r, g, x) -> c.request(obj("routeTableIdSet", Json.empty(), "filterSet", Json.empty()))),
                read("monitoring", "DescribeAlarms", 5, (c, r, g, x) -> c.request(obj("maxRecords", 100))),
                read("monitoring", "GetMetricData", 6, CloudTrailCatalog::metricData),
                read("logs", "DescribeLogGroups", 3, (c, r, g, x) -> c.request(obj("limit", 50))),
                read("logs", "FilterLogEvents", 2, (c, r, g, x) -> c.request(obj("logGroupName", r.logGroup(), "startTime", (c.time - 3600) * 1000, "endTime", c.time * 1000))),
                read("cloudtrail", "LookupEvents", 2, (c, r, g, x) -> c.request(obj("maxResults", 50))),
                read("cloudtrail", "GetTrailStatus", 1, (c, r, g, x) -> c.request(obj("name", r.trailArn(g, "govcloud-management-trail")))),
                appRead("rds", "DescribeDBInstances", 3, (c, r, g, x) -> c.request(null)),
                read("s3", "ListBuckets", 2, (c, r, g, x) -> c.request(obj("Host", "s3." + g + ".amazonaws.com"))),
                read("guardduty", "ListFindings", 2, (c, r, g, x) -> c.request(obj("detectorId", r.detectorId(g), "maxResults", 50))),
                read("securityhub", "GetFindings", 2, (c, r, g, x) -> c.request(obj("maxResults", 100))),
                read("ssm", "DescribeInstanceInformation", 2, (c, r, g, x) -> c.request(obj("maxResults", 50))),
                read("health", "DescribeEvents", 1, (c, r, g, x) -> c.request(obj("filter", obj("eventStatusCodes", arr("open", "upcoming")), "locale", "ja"))),
                write("ec2", "CreateTags", 0.4, CloudTrailCatalog::tagInstance),
                appWrite("ssm", "PutParameter", 0.2, (c, r, g, x) -> c.request(obj("name", r.parameter("app/notice"), "type", "String", "overwrite", true))
                        .response(obj("version", 2 + x.nextInt(40), "tier", "Standard")))));
        apis.put(Persona.DEPLOY, List.of(
                read("ec2", "DescribeVpcs", 3, (c, r, g, x) -> c.request(obj("vpcSet", items(obj("vpcId", r.vpc(g).id())), "filterSet", Json.empty()))),
                read("ec2", "DescribeSubnets", 3, (c, r, g, x) -> c.request(obj("subnetSet", Json.empty(), "filterSet", items(obj("name", "vpc-id", "valueSet", items(obj("value", r.vpc(g).id()))))))),
                read("ec2", "DescribeSecurityGroups", 4, (c, r, g, x) -> c.request(obj("securityGroupSet", Json.empty(), "securityGroupIdSet", items(obj("groupId", r.securityGroup(1 + x.nextInt(3)))), "filterSet", Json.empty()))),
                read("ec2", "DescribeNetworkInterfaces", 2, (c, r, g, x) -> c.request(obj("networkInterfaceIdSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeVpcAttribute", 2, (c, r, g, x) -> c.request(obj("vpcId", r.vpc(g).id(), "attribute", x.nextBoolean() ? "enableDnsSupport" : "enableDnsHostnames"))),
                read("iam", "GetRole", 3, (c, r, g, x) -> c.request(obj("roleName", r.runsApplication() ? "AppTaskRole" : "AppServerRole"))),
                read("iam", "ListAttachedRolePolicies", 2, (c, r, g, x) -> c.request(obj("roleName", "AppServerRole"))),
                appRead("ecs", "DescribeServices", 2, (c, r, g, x) -> c.request(obj("cluster", r.cluster(), "services", arr(r.service())))),
                appRead("ecs", "DescribeTaskDefinition", 2, (c, r, g, x) -> c.request(obj("taskDefinition", r.service()))),
                appRead("lambda", "GetFunction20150331v2", 2, (c, r, g, x) -> c.request(obj("functionName", r.function()))),
                read("logs", "DescribeLogGroups", 2, (c, r, g, x) -> c.request(obj("logGroupNamePrefix", r.logGroup()))),
                appRead("ssm", "GetParameter", 2, (c, r, g, x) -> c.request(obj("name", r.parameter("app/config"), "withDecryption", false))),
                read("sts", "GetCallerIdentity", 1, (c, r, g, x) -> c.request(null)),
                write("ec2", "CreateTags", 1.5, CloudTrailCatalog::tagInstance),
                appWrite("ecs", "RegisterTaskDefinition", 1, CloudTrailCatalog::registerTaskDefinition),
                appWrite("ecs", "UpdateService", 1, (c, r, g, x) -> c.request(obj("cluster", r.cluster(), "service", r.service(), "taskDefinition", r.service(), "forceNewDeployment", false))
                        .response(obj("service", obj("serviceName", r.service(), "clusterArn", "arn:aws:ecs:" + g + ":" + r.id() + ":cluster/" + r.cluster(), "desiredCount", 2, "status", "ACTIVE")))),
                appWrite("lambda", "UpdateFunctionCode20150331v2", 0.7, (c, r, g, x) -> c.request(obj("functionName", r.function(), "publish", true))
                        .response(obj("functionName", r.function(), "functionArn", "arn:aws:lambda:" + g + ":" + r.id() + ":function:" + r.function(), "runtime", "java17", "state", "Active", "lastUpdateStatus", "InProgress"))),
                appWrite("ssm", "PutParameter", 0.7, (c, r, g, x) -> c.request(obj("name", r.parameter("app/config"), "type", "String", "overwrite", true))
                        .response(obj("version", 10 + x.nextInt(90), "tier", "Standard"))),
                write("logs", "PutRetentionPolicy", 0.3, (c, r, g, x) -> c.request(obj("logGroupName", r.logGroup(), "retentionInDays", 400)))));
        apis.put(Persona.INSTANCE, List.of(
                write("ssm", "UpdateInstanceInformation", 10, CloudTrailCatalog::updateInstanceInformation),
                read("ssm", "ListInstanceAssociations", 3, (c, r, g, x) -> c.request(obj("instanceId", c.sessionName, "maxResults", 20)))));
        apis.put(Persona.TASK, List.of(
                read("kms", "Decrypt", 5, (c, r, g, x) -> c.request(obj("encryptionAlgorithm", "SYMMETRIC_DEFAULT", "keyId", r.kmsKeyArn(g)))
                        .resources(arr(obj("accountId", r.id(), "type", "AWS::KMS::Key", "ARN", r.kmsKeyArn(g))))),
                read("secretsmanager", "GetSecretValue", 4, (c, r, g, x) -> c.request(obj("secretId", r.secretArn(g)))),
                read("ssm", "GetParameters", 3, (c, r, g, x) -> c.request(obj("names", arr(r.parameter("app/config")), "withDecryption", true)))));
        apis.put(Persona.CONFIG, List.of(
                read("ec2", "DescribeInstances", 3, (c, r, g, x) -> c.request(obj("instancesSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeSecurityGroups", 3, (c, r, g, x) -> c.request(obj("securityGroupSet", Json.empty(), "securityGroupIdSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeNetworkInterfaces", 2, (c, r, g, x) -> c.request(obj("networkInterfaceIdSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeVpcs", 1, (c, r, g, x) -> c.request(obj("vpcSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeSubnets", 1, (c, r, g, x) -> c.request(obj("subnetSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeRouteTables", 1, (c, r, g, x) -> c.request(obj("routeTableIdSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeVolumes", 1, (c, r, g, x) -> c.request(obj("volumeSet", Json.empty(), "filterSet", Json.empty()))),
                read("s3", "GetBucketPolicy", 1, CloudTrailCatalog::bucketPolicy),
                read("s3", "GetBucketAcl", 1, (c, r, g, x) -> c.request(obj("bucketName", r.account.bucket("logs"), "Host", r.account.bucket("logs") + ".s3." + g + ".amazonaws.com", "acl", "")))));
        apis.put(Persona.GUARDDUTY, List.of(
                read("ec2", "DescribeInstances", 1, (c, r, g, x) -> c.request(obj("instancesSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeRouteTables", 1, (c, r, g, x) -> c.request(obj("routeTableIdSet", Json.empty(), "filterSet", Json.empty()))),
                read("ec2", "DescribeNetworkInterfaces", 1, (c, r, g, x) -> c.request(obj("networkInterfaceIdSet", Json.empty(), "filterSet", Json.empty()))),
                read("s3", "GetBucketPublicAccessBlock", 1, (c, r, g, x) -> c.request(obj("bucketName", r.account.bucket("app-data"), "Host", r.account.bucket("app-data") + ".s3." + g + ".amazonaws.com", "publicAccessBlock", "")))));
        apis.put(Persona.SECURITYHUB, List.of(
                read("cloudtrail", "DescribeTrails", 1, (c, r, g, x) -> c.request(obj("includeShadowTrails", true))),
                read("cloudtrail", "GetTrailStatus", 1, (c, r, g, x) -> c.request(obj("name", r.trailArn(g, "govcloud-management-trail")))),
                read("cloudtrail", "GetEventSelectors", 1, (c, r, g, x) -> c.request(obj("trailName", r.trailArn(g, "govcloud-management-trail")))),
                read("ec2", "DescribeSecurityGroups", 1, (c, r, g, x) -> c.request(obj("securityGroupSet", Json.empty(), "securityGroupIdSet", Json.empty(), "filterSet", Json.empty()))),
                read("config", "DescribeConfigurationRecorders", 1, (c, r, g, x) -> c.request(null)),
                read("ec2", "GetEbsEncryptionByDefault", 1, (c, r, g, x) -> c.request(obj("GetEbsEncryptionByDefaultRequest", Json.empty())))));
        apis.put(Persona.BACKUP, List.of(
                write("ec2", "CreateSnapshot", 2, CloudTrailCatalog::createSnapshot),
                write("ec2", "CreateTags", 2, CloudTrailCatalog::tagInstance),
                read("ec2", "DescribeSnapshots", 3, (c, r, g, x) -> c.request(obj("snapshotSet", Json.empty(), "ownersSet", items(obj("owner", r.id())), "filterSet", Json.empty()))),
                write("ec2", "DeleteSnapshot", 1, (c, r, g, x) -> c.request(obj("snapshotId", "snap-" + RandomText.of(x, RandomText.HEX, 17))).response(obj("requestId", RandomText.uuid(x), "_return", true))),
                appRead("rds", "DescribeDBSnapshots", 1, (c, r, g, x) -> c.request(obj("dBInstanceIdentifier", r.database())))));
        apis.put(Persona.SERVICE, List.of(
                read("sts", "AssumeRole", 10, CloudTrailCatalog::assumeRole),
                new Api("kms", "RotateKey", false, 0.05, false, (c, r, g, x) -> c.eventType("AwsServiceEvent").request(null)
                        .additional(obj("keyId", r.kmsKeyArn(g), "rotationType", "AUTOMATIC"))
                        .resources(arr(obj("accountId", r.id(), "type", "AWS::KMS::Key", "ARN", r.kmsKeyArn(g)))))));
        apis.put(Persona.BATCH, List.of(
                read("ssm", "GetParameter", 1, (c, r, g, x) -> c.request(obj("name", r.parameter("batch/upload-target"), "withDecryption", false))),
                read("sts", "GetCallerIdentity", 1, (c, r, g, x) -> c.request(null))));
    }

    /** A background call of {@code persona} at {@code time}, or null when the account has no such principal. */
    ApiCall call(Persona persona, Account account, AccountResources resources, String region, long time,
            SplittableRandom random) {
        List<Principal> principals = account.principals(persona);
        if (persona == Persona.INSTANCE && resources.instances(region).isEmpty()) {
            return null;
        }
        if (principals.isEmpty()) {
            return null;
        }
        Principal principal = RandomText.pick(random, principals);
        List<Api> choices = new ArrayList<>();
        for (Api api : apis.get(persona)) {
            if (!api.needsApplication() || resources.runsApplication()) {
                choices.add(api);
            }
        }
        double[] weights = choices.stream().mapToDouble(Api::weight).toArray();
        Api api = choices.get(RandomText.weighted(random, weights));
        ApiCall call = new ApiCall(time, principal, api.source() + ".amazonaws.com", api.name(), api.readOnly());
        call.from(RandomText.pick(random, principal.sourceIps().isEmpty() ? List.of("-") : principal.sourceIps()),
                RandomText.pick(random, principal.userAgents()));
        switch (persona) {
            case OPERATOR -> call.console(true);
            case INSTANCE -> {
                NetworkInterface instance = RandomText.pick(random, resources.instances(region));
                call.session(instance.instanceId()).from(instance.privateIp(), call.userAgent)
                        .viaEndpoint(resources.vpcEndpoint(region, "ssm"));
            }
            case TASK -> {
                List<NetworkInterface> apps = resources.appInterfaces(region);
                NetworkInterface app = RandomText.pick(random, apps.isEmpty() ? resources.instances(region) : apps);
                long day = Math.floorDiv(time, 86_400L);
                call.session(new Seeds(day).id(RandomText.HEX, 32, account.id(), "task", random.nextInt(3)))
                        .from(app.privateIp(), call.userAgent).viaEndpoint(resources.vpcEndpoint(region, api.source()));
            }
            default -> {
            }
        }
        api.detail().fill(call, resources, region, random);
        return call;
    }

    /** Turns a call into the AccessDenied failure AWS would record for it. */
    static ApiCall deny(ApiCall call, String resource) {
        String service = call.eventSource.substring(0, call.eventSource.indexOf('.'));
        String action = (service.equals("monitoring") ? "cloudwatch" : service) + ":"
                + call.eventName.replaceAll("20\\d{6}(v\\d)?$", "");
        String who = call.principal.type().equals("AssumedRole")
                ? "arn:aws:sts::" + call.principal.accountId() + ":assumed-role/" + call.principal.name() + "/"
                        + call.sessionName
                : call.principal.arn();
        String because = " because no identity-based policy allows the " + action + " action";
        return switch (service) {
            case "ec2" -> call.error("Client.UnauthorizedOperation", "You are not authorized to perform this operation."
                    + " User: " + who + " is not authorized to perform: " + action + because);
            case "s3", "iam", "sts", "rds", "monitoring" -> call.error("AccessDenied", "User: " + who
                    + " is not authorized to perform: " + action + " on resource: " + resource + because);
            default -> call.error("AccessDeniedException", "User: " + who + " is not authorized to perform: "
                    + action + " on resource: " + resource + because);
        };
    }

    // --- request and response shapes ------------------------------------------------------------------------

    private static Api read(String service, String name, double weight, Detail detail) {
        return new Api(service, name, true, weight, false, detail);
    }

    private static Api appRead(String service, String name, double weight, Detail detail) {
        return new Api(service, name, true, weight, true, detail);
    }

    private static Api write(String service, String name, double weight, Detail detail) {
        return new Api(service, name, false, weight, false, detail);
    }

    private static Api appWrite(String service, String name, double weight, Detail detail) {
        return new Api(service, name, false, weight, true, detail);
    }

    private static void metricData(ApiCall c, AccountResources r, String region, SplittableRandom x) {
        List<NetworkInterface> instances = r.instances(region);
        String dimension = instances.isEmpty() ? "none" : RandomText.pick(x, instances).instanceId();
        c.request(obj("startTime", Json.iso(c.time - 10_800), "endTime", Json.iso(c.time), "metricDataQueries",
                arr(obj("id", "m1", "metricStat", obj("metric", obj("namespace", "AWS/EC2", "metricName",
                        "CPUUtilization", "dimensions", arr(obj("name", "InstanceId", "value", dimension))),
                        "period", 300, "stat", "Average"), "returnData", true))));
    }

    private static void tagInstance(ApiCall c, AccountResources r, String region, SplittableRandom x) {
        List<NetworkInterface> instances = r.instances(region);
        String resource = instances.isEmpty() ? "snap-" + RandomText.of(x, RandomText.HEX, 17)
                : RandomText.pick(x, instances).instanceId();
        c.request(obj("resourcesSet", items(obj("resourceId", resource)), "tagSet",
                items(obj("key", "System", "value", r.account.system()))))
                .response(obj("requestId", RandomText.uuid(x), "_return", true));
    }

    private static void registerTaskDefinition(ApiCall c, AccountResources r, String region, SplittableRandom x) {
        int revision = 100 + x.nextInt(200);
        c.request(obj("family", r.service(), "taskRoleArn", "arn:aws:iam::" + r.id() + ":role/AppTaskRole",
                "networkMode", "awsvpc", "requiresCompatibilities", arr("FARGATE"), "cpu", "1024", "memory", "2048"))
                .response(obj("taskDefinition", obj("taskDefinitionArn", "arn:aws:ecs:" + region + ":" + r.id()
                        + ":task-definition/" + r.service() + ":" + revision, "family", r.service(), "revision",
                        revision, "status", "ACTIVE")));
    }

    private static void updateInstanceInformation(ApiCall c, AccountResources r, String region, SplittableRandom x) {
        NetworkInterface instance = r.instances(region).stream().filter(i -> i.instanceId().equals(c.sessionName))
                .findFirst().orElseThrow();
        boolean windows = instance.kind() == SampleEstate.InterfaceKind.WINDOWS;
        c.request(obj("instanceId", instance.instanceId(), "agentVersion", "3.3.1142.0", "agentStatus", "Active",
                "platformType", windows ? "Windows" : "Linux",
                "platformName", windows ? "Microsoft Windows Server 2022 Datacenter" : "Amazon Linux",
                "platformVersion", windows ? "10.0.20348" : "2023",
                "iPAddress", instance.privateIp(), "computerName",
                "ip-" + instance.privateIp().replace('.', '-') + "." + region + ".compute.internal",
                "agentName", "amazon-ssm-agent", "availabilityZoneId", instance.azId(),
                "sSMConnectionChannel", "ssmmessages"));
    }

    private static void bucketPolicy(ApiCall c, AccountResources r, String region, SplittableRandom x) {
        String bucket = x.nextBoolean() ? r.account.bucket("app-data") : r.account.bucket("logs");
        c.request(obj("bucketName", bucket, "Host", bucket + ".s3." + region + ".amazonaws.com", "policy", ""));
        if (bucket.contains("app-data")) {
            c.error("NoSuchBucketPolicy", "The bucket policy does not exist");
        }
    }

    private static void createSnapshot(ApiCall c, AccountResources r, String region, SplittableRandom x) {
        List<NetworkInterface> instances = r.instances(region);
        String volume = r.volume(instances.isEmpty() ? "none" : RandomText.pick(x, instances).instanceId());
        ObjectNode response = obj("requestId", RandomText.uuid(x), "snapshotId",
                "snap-" + RandomText.of(x, RandomText.HEX, 17), "volumeId", volume, "status", "pending",
                "startTime", c.time * 1000, "progress", "", "ownerId", r.id(), "volumeSize", 100,
                "encrypted", true);
        c.request(obj("volumeId", volume, "description", "This snapshot is created by the AWS Backup service."))
                .response(response);
    }

    private static void assumeRole(ApiCall c, AccountResources r, String region, SplittableRandom x) {
        String role = c.principal.name().startsWith("ecs") ? "AppTaskRole" : "NotifyFunctionRole";
        String roleArn = "arn:aws:iam::" + r.id() + ":role/" + role;
        String session = c.principal.name().startsWith("ecs") ? RandomText.of(x, RandomText.HEX, 32) : r.function();
        String roleId = "AROA" + new Seeds(0).id(RandomText.UPPER_ALNUM, 17, r.id(), role);
        c.request(obj("roleArn", roleArn, "roleSessionName", session, "durationSeconds", 3600))
                .response(obj("credentials", obj("accessKeyId", "ASIA" + RandomText.of(x, RandomText.UPPER_ALNUM, 16),
                        "sessionToken", "IQoJb3JpZ2luX2VjE" + RandomText.of(x, RandomText.ALNUM, 48),
                        "expiration", Json.expiration(c.time + 3600)),
                        "assumedRoleUser", obj("assumedRoleId", roleId + ":" + session,
                                "arn", "arn:aws:sts::" + r.id() + ":assumed-role/" + role + "/" + session)))
                .resources(arr(obj("accountId", r.id(), "type", "AWS::IAM::Role", "ARN", roleArn)));
    }
}
