package jp.govcloudops.sample;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import jp.govcloudops.sample.Principal.Persona;
import jp.govcloudops.sample.SampleEstate.Account;
import jp.govcloudops.sample.SampleEstate.InterfaceKind;
import jp.govcloudops.sample.SampleEstate.NetworkInterface;
import jp.govcloudops.sample.SampleEstate.Vpc;
import jp.govcloudops.sample.FlowRows.End;
import jp.govcloudops.sample.FlowRows.Traffic;

import static jp.govcloudops.sample.Json.arr;
import static jp.govcloudops.sample.Json.items;
import static jp.govcloudops.sample.Json.obj;

/**
 * What happens over the sample's days besides routine work: the planted incidents, the deployments, and the
 * CloudTrail Insights events AWS would raise. Decided once, before any writer runs, so every writer sees the same
 * story. Incidents fall after the first week of a long enough range, so detections have a baseline; the two
 * volume incidents (exfiltration, rejected traffic) take the latest of the chosen days.
 */
public final class SampleScenario {

    /** A CI deployment: a burst of the deployment role's calls, optionally with a surge of CreateTags. */
    public record Deployment(Account account, String region, long start, int calls, int extraCreateTags,
            boolean opensHttpsToLgcs) {
    }

    /** A CloudTrail Insights event pair (Start and End) in {@code CloudTrail-Insight/}. */
    public record Insight(Account account, String region, String eventSource, String eventName, String insightType,
            String errorCode, long start, long end, double baselineAverage, double insightAverage,
            String principalArn, String userAgent) {
    }

    static final String SCANNER = "203.0.113.66";
    static final String EXFILTRATION_TARGET = "198.51.100.200";
    /** A public resolver the exfiltrating server asks instead of its VPC's resolver. */
    static final String PUBLIC_RESOLVER = "198.51.100.53";
    static final String LEAKED_KEY_SOURCE = "198.51.100.23";
    static final String ROOT_SOURCE = "198.51.100.45";
    /** An on-premises batch server whose connections the レセプト database rejects now and then. */
    static final String MISCONFIGURED_HOST = "10.100.20.31";
    /** The 児童扶養手当 application server that later sends data out. */
    static final String EXFILTRATION_SOURCE = "10.4.1.25";

    private final SampleEstate estate;
    private final List<PlantedIncident> incidents = new ArrayList<>();
    private final List<Deployment> deployments = new ArrayList<>();
    private final List<Insight> insights = new ArrayList<>();
    private final List<FlowRow> skippedRecords = new ArrayList<>();

    private SampleScenario(SampleEstate estate) {
        this.estate = estate;
    }

    public static SampleScenario plan(SampleEstate estate, SampleOptions options, Seeds seeds) {
        SampleScenario scenario = new SampleScenario(estate);
        scenario.planDeployments(options, seeds.stream("scenario", "deployments"));
        scenario.planIncidents(options, seeds.stream("scenario", "incidents"));
        scenario.planSkippedRecords(options, seeds.stream("scenario", "skipdata"));
        return scenario;
    }

    public List<PlantedIncident> incidents() {
        return incidents;
    }

    public List<Deployment> deployments() {
        return deployments;
    }

    public List<Insight> insights() {
        return insights;
    }

    public List<ApiCall> plantedCalls(String accountId, String region, LocalDate day) {
        List<ApiCall> calls = new ArrayList<>();
        for (PlantedIncident incident : incidents) {
            for (ApiCall call : incident.calls()) {
                if (incident.account().id().equals(accountId) && incident.region().equals(region)
                        && Math.floorDiv(call.time(), 86_400L) == day.toEpochDay()) {
                    calls.add(call);
                }
            }
        }
        return calls;
    }

    /** SKIPDATA records (flow records lost by AWS): a data-quality signal, not an incident. */
    public List<FlowRow> skippedRecords() {
        return skippedRecords;
    }

    public List<FlowRow> plantedFlows(Vpc vpc, LocalDate day) {
        List<FlowRow> rows = new ArrayList<>();
        for (FlowRow row : skippedRecords) {
            if (row.vpc == vpc && Math.floorDiv(row.start(), 86_400L) == day.toEpochDay()) {
                rows.add(row);
            }
        }
        for (PlantedIncident incident : incidents) {
            for (FlowRow row : incident.flows()) {
                if (row.vpc == vpc && Math.floorDiv(row.start(), 86_400L) == day.toEpochDay()) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    public List<Deployment> deployments(String accountId, String region, LocalDate day) {
        return deployments.stream().filter(d -> d.account().id().equals(accountId) && d.region().equals(region)
                && Math.floorDiv(d.start(), 86_400L) == day.toEpochDay()).toList();
    }

    // --- deployments ----------------------------------------------------------------------------------------

    private void planDeployments(SampleOptions options, SplittableRandom random) {
        List<LocalDate> days = options.days();
        LocalDate surgeDay = days.get(days.size() / 3);
        for (LocalDate d = surgeDay; !d.isAfter(options.to()); d = d.plusDays(1)) {
            if (estate.calendar().isBusinessDay(d)) {
                surgeDay = d;
                break;
            }
        }
        for (LocalDate day : days) {
            for (Account account : estate.accounts()) {
                boolean surge = day.equals(surgeDay) && account.slug().equals("receipt");
                if (!surge && !(estate.calendar().isBusinessDay(day) && random.nextDouble() < 0.3)) {
                    continue;
                }
                LocalTime jst = random.nextDouble() < 0.8 ? LocalTime.of(10, 0).plusMinutes(random.nextInt(390))
                        : LocalTime.of(18, 0).plusMinutes(random.nextInt(120));
                if (surge) {
                    jst = LocalTime.of(15, 0).plusMinutes(random.nextInt(20));
                }
                int calls = Math.max(6, (int) Math.round(50 * options.scale() * (0.7 + 0.6 * random.nextDouble())));
                int extraTags = surge ? Math.max(25, (int) Math.round(60 * options.scale())) : 0;
                Deployment deployment = new Deployment(account, SampleEstate.TOKYO, utc(day, jst), calls, extraTags,
                        random.nextDouble() < 0.08);
                deployments.add(deployment);
                if (surge) {
                    Principal role = account.principals(Persona.DEPLOY).get(0);
                    double minutes = 10;
                    insights.add(new Insight(account, SampleEstate.TOKYO, "ec2.amazonaws.com", "CreateTags",
                            "ApiCallRateInsight", null, deployment.start() - Math.floorMod(deployment.start(), 60),
                            deployment.start() - Math.floorMod(deployment.start(), 60) + 600, 0.0236,
                            Math.round(extraTags / minutes * 100) / 100.0,
                            "arn:aws:iam::" + account.id() + ":role/" + role.name(), role.userAgents().get(0)));
                }
            }
        }
    }

    /** A SKIPDATA record on the first day and every tenth day after it, each time in another VPC. */
    private void planSkippedRecords(SampleOptions options, SplittableRandom random) {
        List<Vpc> vpcs = estate.accounts().stream().flatMap(a -> a.vpcs().stream()).toList();
        List<LocalDate> days = options.days();
        for (int i = 0; i < days.size(); i += 10) {
            Vpc vpc = vpcs.get((i / 10) % vpcs.size());
            Account account = estate.accounts().stream().filter(a -> a.vpcs().contains(vpc)).findFirst().orElseThrow();
            long window = days.get(i).toEpochDay() * 86_400L + 600L * random.nextInt(144);
            NetworkInterface eni = vpc.interfaces().get(random.nextInt(vpc.interfaces().size()));
            skippedRecords.add(FlowRow.status(vpc, eni, account.id(), window, window + 600, "SKIPDATA"));
        }
    }

    // --- incidents ------------------------------------------------------------------------------------------

    private void planIncidents(SampleOptions options, SplittableRandom random) {
        List<LocalDate> days = options.days();
        List<LocalDate> candidates = new ArrayList<>(days.size() >= 10 ? days.subList(7, days.size()) : days);
        for (int i = candidates.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            LocalDate swap = candidates.get(i);
            candidates.set(i, candidates.get(j));
            candidates.set(j, swap);
        }
        int count = 9;
        List<LocalDate> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(candidates.get(i % candidates.size()));
        }
        // The volume incidents need the most history before them: give them the two latest days.
        List<LocalDate> sorted = new ArrayList<>(chosen);
        sorted.sort(Comparator.naturalOrder());
        LocalDate exfiltrationDay = sorted.get(count - 1);
        LocalDate rejectedDay = sorted.get(count - 2);
        chosen.remove(exfiltrationDay);
        chosen.remove(rejectedDay);

        Account network = estate.accounts().get(0);
        Account seikatsu = estate.accounts().get(1);
        Account receipt = estate.accounts().get(2);
        Account jido = estate.accounts().get(3);
        rootSignIn(jido, utc(chosen.get(0), LocalTime.of(2, 40).plusMinutes(random.nextInt(10))), random);
        consoleLoginWithoutMfa(seikatsu, utc(chosen.get(1), LocalTime.of(10, 5).plusMinutes(random.nextInt(10))), random);
        stopLogging(receipt, utc(chosen.get(2), LocalTime.of(19, 20).plusMinutes(random.nextInt(10))), random);
        deleteFlowLogs(network, utc(chosen.get(3), LocalTime.of(14, 30).plusMinutes(random.nextInt(10))), random);
        openSshToWorld(seikatsu, utc(chosen.get(4), LocalTime.of(11, 20).plusMinutes(random.nextInt(10))), random);
        accessDeniedBurst(jido, utc(chosen.get(5), LocalTime.of(3, 10).plusMinutes(random.nextInt(10))), random);
        portScan(network, utc(chosen.get(6), LocalTime.of(22, 0).plusMinutes(random.nextInt(10))), random);
        exfiltration(jido, utc(exfiltrationDay, LocalTime.of(1, 0)), random);
        rejectedSpike(receipt, utc(rejectedDay, LocalTime.of(13, 0)), random);
        incidents.sort(Comparator.comparingLong(PlantedIncident::firstTime));
        for (int i = 0; i < incidents.size(); i++) {
            incidents.get(i).number(i + 1);
        }
    }

    /** The instant on UTC {@code day} whose Japanese clock reads {@code jst} (the JST date may be the next day). */
    private static long utc(LocalDate day, LocalTime jst) {
        return day.toEpochDay() * 86_400L + Math.floorMod(jst.toSecondOfDay() - 9 * 3600, 86_400);
    }

    private PlantedIncident incident(String label, String logType, Account account, String region,
            String description) {
        PlantedIncident incident = new PlantedIncident(label, logType, account, region, description);
        incidents.add(incident);
        return incident;
    }

    private static String browser() {
        return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0"
                + " Safari/537.36";
    }

    private ApiCall consoleLogin(Principal who, long time, String ip, boolean mfa) {
        String home = who.type().equals("Root") ? "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true"
                : "https://ap-northeast-1.console.aws.amazon.com/console/home?region=ap-northeast-1&state=hashArgs%23&isauthcode=true";
        var additional = obj("LoginTo", home, "MobileVersion", "No");
        if (mfa) {
            additional.put("MFAIdentifier", "arn:aws:iam::" + who.accountId() + ":mfa/"
                    + (who.type().equals("Root") ? "root-account-mfa-device" : who.name()));
        }
        additional.put("MFAUsed", mfa ? "Yes" : "No");
        return new ApiCall(time, who, "signin.amazonaws.com", "ConsoleLogin", false).from(ip, browser())
                .eventType("AwsConsoleSignIn").request(null).response(obj("ConsoleLogin", "Success"))
                .additional(additional);
    }

    private void rootSignIn(Account account, long time, SplittableRandom random) {
        PlantedIncident incident = incident("root-signin", "cloudtrail", account, SampleEstate.TOKYO,
                "The root user signs in to the console at night from an address never seen before and looks at"
                        + " the account's users.");
        Principal root = account.principal("root");
        incident.add(consoleLogin(root, time, ROOT_SOURCE, true)).eventId = RandomText.uuid(random);
        incident.add(new ApiCall(time + 41, root, "iam.amazonaws.com", "GetAccountSummary", true)
                .from(ROOT_SOURCE, "AWS Internal").console(true).request(null)).eventId = RandomText.uuid(random);
        incident.add(new ApiCall(time + 97, root, "iam.amazonaws.com", "ListUsers", true)
                .from(ROOT_SOURCE, "AWS Internal").console(true).request(obj("maxItems", 100)))
                .eventId = RandomText.uuid(random);
    }

    private void consoleLoginWithoutMfa(Account account, long time, SplittableRandom random) {
        PlantedIncident incident = incident("console-login-without-mfa", "cloudtrail", account, SampleEstate.TOKYO,
                "A system administrator's IAM user signs in to the console with a password only (MFAUsed No).");
        incident.add(consoleLogin(account.principal("seikatsu-kanri01"), time, SampleEstate.OFFICE_EGRESS.get(1),
                false)).eventId = RandomText.uuid(random);
    }

    private void stopLogging(Account account, long time, SplittableRandom random) {
        PlantedIncident incident = incident("stop-logging", "cloudtrail", account, SampleEstate.TOKYO,
                "CloudTrail logging of the management trail is stopped from a console session after hours.");
        AccountResources r = new AccountResources(account);
        incident.add(new ApiCall(time, account.principal("receipt-kanri01"), "cloudtrail.amazonaws.com",
                "StopLogging", false).from(SampleEstate.OFFICE_EGRESS.get(0), browser()).console(true)
                .request(obj("name", r.trailArn(SampleEstate.TOKYO, estate.trailName()))).response(null))
                .eventId = RandomText.uuid(random);
    }

    private void deleteFlowLogs(Account account, long time, SplittableRandom random) {
        PlantedIncident incident = incident("delete-flow-logs", "cloudtrail", account, SampleEstate.TOKYO,
                "A VPC flow log is deleted from the console (a flow log delivered elsewhere, so the sample's flow"
                        + " files go on).");
        incident.add(new ApiCall(time, account.principal("ope-sato"), "ec2.amazonaws.com", "DeleteFlowLogs", false)
                .from(SampleEstate.OFFICE_EGRESS.get(0), browser()).console(true)
                .request(obj("DeleteFlowLogsRequest", obj("FlowLogId", obj("content",
                        "fl-" + RandomText.of(random, RandomText.HEX, 17), "tag", 1))))
                .response(obj("DeleteFlowLogsResponse", obj("xmlns", "http://ec2.amazonaws.com/doc/2016-11-15/",
                        "requestId", RandomText.uuid(random), "unsuccessful", ""))))
                .eventId = RandomText.uuid(random);
    }

    private void openSshToWorld(Account account, long time, SplittableRandom random) {
        PlantedIncident incident = incident("sg-open-ssh-world", "cloudtrail", account, SampleEstate.TOKYO,
                "A security group rule opens SSH (22/tcp) to 0.0.0.0/0.");
        String group = new AccountResources(account).securityGroup(2);
        var permission = obj("ipProtocol", "tcp", "fromPort", 22, "toPort", 22, "groups", Json.empty(),
                "ipRanges", items(obj("cidrIp", "0.0.0.0/0", "description", "temporary maintenance")),
                "ipv6Ranges", Json.empty(), "prefixListIds", Json.empty());
        incident.add(new ApiCall(time, account.principal("ope-tanaka"), "ec2.amazonaws.com",
                "AuthorizeSecurityGroupIngress", false).from(SampleEstate.OFFICE_EGRESS.get(0), browser())
                .console(true).request(obj("groupId", group, "ipPermissions", items(permission)))
                .response(obj("requestId", RandomText.uuid(random), "_return", true, "securityGroupRuleSet",
                        items(obj("groupOwnerId", account.id(), "groupId", group, "securityGroupRuleId",
                                "sgr-" + RandomText.of(random, RandomText.HEX, 17), "isEgress", false,
                                "ipProtocol", "tcp", "fromPort", 22, "toPort", 22, "cidrIpv4", "0.0.0.0/0",
                                "description", "temporary maintenance")))))
                .eventId = RandomText.uuid(random);
    }

    private void accessDeniedBurst(Account account, long time, SplittableRandom random) {
        PlantedIncident incident = incident("access-denied-burst", "cloudtrail", account, SampleEstate.TOKYO,
                "The batch user's access key is used from an unknown address to enumerate the account: one"
                        + " GetCallerIdentity, then dozens of AccessDenied / UnauthorizedOperation calls in minutes.");
        Principal user = account.principal("batch-uploader");
        String agent = "Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.3"
                + " md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.36";
        incident.add(new ApiCall(time, user, "sts.amazonaws.com", "GetCallerIdentity", true)
                .from(LEAKED_KEY_SOURCE, agent).request(null)).eventId = RandomText.uuid(random);
        String[][] probes = {{"iam", "ListUsers"}, {"iam", "ListRoles"}, {"iam", "ListPolicies"},
                {"iam", "GetAccountAuthorizationDetails"}, {"iam", "ListGroups"}, {"iam", "ListAccessKeys"},
                {"s3", "ListBuckets"}, {"ec2", "DescribeInstances"}, {"ec2", "DescribeSnapshots"},
                {"ec2", "DescribeVolumes"}, {"ec2", "DescribeSecurityGroups"}, {"ec2", "DescribeVpcs"},
                {"ec2", "DescribeInstances"}, {"ec2", "DescribeImages"}, {"ec2", "DescribeKeyPairs"},
                {"rds", "DescribeDBInstances"}, {"rds", "DescribeDBSnapshots"}, {"secretsmanager", "ListSecrets"},
                {"kms", "ListKeys"}, {"kms", "ListAliases"}, {"lambda", "ListFunctions20150331"},
                {"ssm", "DescribeParameters"}, {"logs", "DescribeLogGroups"}, {"dynamodb", "ListTables"},
                {"ec2", "DescribeInstances"}, {"guardduty", "ListDetectors"}, {"cloudtrail", "DescribeTrails"},
                {"ecs", "ListClusters"}, {"sns", "ListTopics"}, {"sqs", "ListQueues"}, {"ec2", "DescribeRegions"},
                {"ec2", "DescribeInstances"}, {"s3", "ListBuckets"}, {"ec2", "DescribeInstances"}};
        long t = time + 4;
        for (String[] probe : probes) {
            t += 4 + random.nextInt(14);
            ApiCall call = new ApiCall(t, user, probe[0] + ".amazonaws.com", probe[1], true)
                    .from(LEAKED_KEY_SOURCE, agent).request(null);
            CloudTrailCatalog.deny(call, probe[0].equals("iam") ? "arn:aws:iam::" + account.id() + ":user/" : "*");
            incident.add(call).eventId = RandomText.uuid(random);
        }
        long start = time - Math.floorMod(time, 60);
        insights.add(new Insight(account, SampleEstate.TOKYO, "ec2.amazonaws.com", "DescribeInstances",
                "ApiErrorRateInsight", "Client.UnauthorizedOperation", start, start + 600, 0.0,
                0.5, user.arn(), agent));
    }

    private void portScan(Account account, long time, SplittableRandom random) {
        PlantedIncident incident = incident("port-scan", "vpcflow", account, SampleEstate.TOKYO,
                "One internet address probes two dozen TCP ports of the public load balancer within minutes;"
                        + " all but 443 are rejected.");
        Vpc vpc = account.vpcs(SampleEstate.TOKYO).get(0);
        NetworkInterface lb = vpc.ofKind(InterfaceKind.PUBLIC_LB).get(0);
        int[] ports = {21, 22, 23, 25, 53, 80, 110, 135, 139, 143, 443, 445, 993, 995, 1433, 1521, 2049, 3306, 3389,
                5432, 5900, 6379, 8080, 8443, 9200, 27017};
        int sourcePort = FlowRows.ephemeralPort(random);
        long t = time;
        for (int port : ports) {
            t += 2 + random.nextInt(12);
            boolean open = port == 443;
            Traffic traffic = new Traffic(FlowRows.TCP, sourcePort, port, open ? 5 : 1, open ? 300 : 44,
                    open ? 4 : 0, open ? 4_400 : 0, open);
            incident.add(FlowRows.connection(vpc, account.id(), End.of(SCANNER), End.of(lb), null, traffic, t,
                    random));
        }
    }

    private void exfiltration(Account account, long time, SplittableRandom random) {
        PlantedIncident incident = incident("exfiltration-spike", "vpcflow", account, SampleEstate.TOKYO,
                "An application server sends about 3 GB to one internet address within an hour; normally it sends"
                        + " a few megabytes an hour, to AWS endpoints only. As it starts, it looks the address up at a"
                        + " public DNS resolver instead of its VPC's resolver.");
        Vpc vpc = account.vpcs(SampleEstate.TOKYO).get(0);
        NetworkInterface app = vpc.interfaces().stream().filter(i -> i.privateIp().equals(EXFILTRATION_SOURCE))
                .findFirst().orElseThrow();
        int sourcePort = FlowRows.ephemeralPort(random);
        for (int window = 0; window < 6; window++) {
            long bytes = 450_000_000L + random.nextInt(200_000_000);
            long packets = bytes / 1_400;
            Traffic traffic = new Traffic(FlowRows.TCP, sourcePort, 443, packets, bytes, packets / 2,
                    packets / 2 * 52, true);
            List<FlowRow> rows = FlowRows.connection(vpc, account.id(), End.of(app), End.of(EXFILTRATION_TARGET),
                    null, traffic, time + window * 600L + random.nextInt(5), random);
            incident.add(rows);
        }
        // Its own generator, so that the rest of the month stays as it was before these queries were added.
        SplittableRandom dns = new SplittableRandom(time);
        for (int query = 0; query < 3; query++) {
            Traffic lookup = new Traffic(FlowRows.UDP, FlowRows.ephemeralPort(dns), 53, 1, 70 + dns.nextInt(20), 1,
                    120 + dns.nextInt(100), true);
            incident.add(FlowRows.connection(vpc, account.id(), End.of(app), End.of(PUBLIC_RESOLVER), null, lookup,
                    time + query * 20L, dns));
        }
    }

    private void rejectedSpike(Account account, long time, SplittableRandom random) {
        PlantedIncident incident = incident("rejected-traffic-spike", "vpcflow", account, SampleEstate.TOKYO,
                "An on-premises server retries the レセプト database port about twice a minute for an hour and is"
                        + " rejected every time; normally it is rejected a couple of times an hour.");
        Vpc vpc = account.vpcs(SampleEstate.TOKYO).get(0);
        NetworkInterface db = vpc.ofKind(InterfaceKind.DB).get(0);
        for (int i = 0; i < 120; i++) {
            Traffic traffic = new Traffic(FlowRows.TCP, FlowRows.ephemeralPort(random), account.dbPort(),
                    1 + random.nextInt(3), 60 + random.nextInt(120), 0, 0, false);
            incident.add(FlowRows.connection(vpc, account.id(), End.of(MISCONFIGURED_HOST), End.of(db), null,
                    traffic, time + i * 30L + random.nextInt(20), random));
        }
    }
}
