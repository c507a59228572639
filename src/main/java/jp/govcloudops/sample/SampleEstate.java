package jp.govcloudops.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.govcloudops.sample.Principal.Persona;

/**
 * The imaginary prefecture estate every writer describes: its accounts, regions, VPCs and network interfaces,
 * flow logs, principals, address ranges and calendar. It is the same for every seed (identifiers are fixed), so
 * a seed changes the traffic, never the estate, and the configuration written beside the sample stays stable.
 */
public final class SampleEstate {

    public static final String TOKYO = "ap-northeast-1";
    public static final String OSAKA = "ap-northeast-3";

    /** LGCS internet breakout addresses (RFC 5737 documentation range): where operators' console calls come from. */
    public static final List<String> OFFICE_EGRESS = List.of("203.0.113.10", "203.0.113.11");
    /** Amazon S3 and regional endpoint addresses in Tokyo that servers reach over HTTPS. */
    public static final List<String> AWS_SERVICE_IPS_TOKYO = List.of("52.219.136.16", "52.219.152.84",
            "52.219.162.4", "52.219.68.97", "3.5.158.120", "13.248.54.2");
    public static final List<String> AWS_SERVICE_IPS_OSAKA = List.of("52.95.156.20", "52.95.176.8");
    public static final List<String> AWS_SERVICE_IPV6 = List.of("2406:da14:7ff:f800::1", "2406:da14:7ff:f801::23");
    /** Vendor update and time-service sites the proxy reaches. */
    public static final List<String> VENDOR_SITES = List.of("23.52.40.17", "104.18.12.33", "151.101.86.49",
            "20.43.161.105", "40.126.53.21");

    /** Interfaces by what they are, which decides the traffic they see. */
    public enum InterfaceKind { APP, WINDOWS, DB, ENDPOINT, TGW, NAT, PROXY, PUBLIC_LB, RESOLVER, REPLICA, STANDBY }

    /** How a flow log writes: the field list and the file format. */
    public enum FlowFormat { V2_TEXT, CUSTOM_V5_TEXT, V5_PARQUET }

    public record NetworkInterface(String id, InterfaceKind kind, String privateIp, String ipv6, String subnetId,
            String instanceId, String azId, String flowLogId) {
    }

    /**
     * @param hive    Hive-compatible prefixes ({@code aws-account-id=...})
     * @param perHour per-hour partitions ({@code .../DD/HH/})
     */
    public record FlowLog(String id, FlowFormat format, boolean hive, boolean perHour) {
    }

    /** @param flowShare this VPC's part of the estate's flow records */
    public record Vpc(String region, String id, String cidr, double flowShare, List<NetworkInterface> interfaces,
            List<FlowLog> flowLogs) {

        public FlowLog flowLog(String id) {
            return flowLogs.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
        }

        public List<NetworkInterface> ofKind(InterfaceKind kind) {
            return interfaces.stream().filter(i -> i.kind() == kind).toList();
        }
    }

    /**
     * @param slug            a short ASCII name for resource names
     * @param cloudTrailShare this account's part of the estate's CloudTrail records
     * @param osakaShare      the part of the account's CloudTrail records that is in Osaka
     * @param dbPort          the port its database listens on
     */
    public record Account(String id, String name, String system, String slug, double cloudTrailShare,
            double osakaShare, int dbPort, List<Principal> principals, List<Vpc> vpcs) {

        public List<Principal> principals(Persona persona) {
            return principals.stream().filter(p -> p.persona() == persona).toList();
        }

        public Principal principal(String name) {
            return principals.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        }

        public List<Vpc> vpcs(String region) {
            return vpcs.stream().filter(v -> v.region().equals(region)).toList();
        }

        public String bucket(String purpose) {
            return slug + "-" + purpose + "-" + id;
        }
    }

    private final Seeds ids = new Seeds(0);
    private final List<Account> accounts;
    private final SampleCalendar calendar = new SampleCalendar();
    private final Map<String, List<String>> lgcsClients = new TreeMap<>();

    public SampleEstate() {
        accounts = List.of(network(), seikatsuHogo(), receipt(), jidoFuyo());
        for (Account account : accounts) {
            List<String> clients = new ArrayList<>();
            var random = ids.stream("lgcs-clients", account.id());
            for (int i = 0; i < 120; i++) {
                clients.add("10.100." + (1 + random.nextInt(60)) + "." + (10 + random.nextInt(240)));
            }
            lgcsClients.put(account.id(), List.copyOf(clients));
        }
    }

    public List<Account> accounts() {
        return accounts;
    }

    public Account account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    public List<String> regions() {
        return List.of(TOKYO, OSAKA);
    }

    public SampleCalendar calendar() {
        return calendar;
    }

    public List<String> lgcsRanges() {
        return List.of("10.100.0.0/16");
    }

    public List<String> aspRanges() {
        return List.of("10.200.0.0/16");
    }

    public List<String> vpcRanges() {
        return accounts.stream().flatMap(a -> a.vpcs().stream()).map(Vpc::cidr).toList();
    }

    /** The central log archive bucket that CloudTrail digests name. */
    public String logArchiveBucket() {
        return "govcloud-log-archive-" + accounts.get(0).id();
    }

    public String trailName() {
        return "govcloud-management-trail";
    }

    /** The CI pipeline's address (the network account's NAT gateway), from which the deployment role is used. */
    public String pipelineIp() {
        return "13.112.45.201";
    }

    /** LGCS terminals (庁内端末) using a system: a stable pool per account. */
    public List<String> lgcsClients(Account account) {
        return lgcsClients.get(account.id());
    }

    public List<String> lgcsAdminHosts() {
        return List.of("10.100.10.5", "10.100.10.6");
    }

    public String lgcsDnsServer() {
        return "10.100.0.53";
    }

    public String lgcsMonitor() {
        return "10.100.10.20";
    }

    /** ASP vendors' servers reaching the systems through PrivateLink. */
    public List<String> aspHosts() {
        return List.of("10.200.1.21", "10.200.1.22", "10.200.2.11", "10.200.3.40", "10.200.4.15");
    }

    // --- the accounts ------------------------------------------------------------------------------------------

    private Account network() {
        String id = "318274650192";
        List<Principal> principals = new ArrayList<>();
        operators(id, principals, "ope-tanaka", "ope-sato");
        common(id, principals, false);
        Vpc tokyo = vpc(id, TOKYO, "10.1.0.0/16", 0.28,
                List.of(new FlowLog(flowLogId(id, 1), FlowFormat.CUSTOM_V5_TEXT, false, true),
                        new FlowLog(flowLogId(id, 2), FlowFormat.V2_TEXT, false, false)),
                List.of(
                        nic(InterfaceKind.TGW, "10.1.0.20", 2, false), nic(InterfaceKind.TGW, "10.1.16.20", 2, false),
                        nic(InterfaceKind.NAT, "10.1.32.100", 1, false), nic(InterfaceKind.PUBLIC_LB, "10.1.32.40", 1, false),
                        nic(InterfaceKind.PROXY, "10.1.48.30", 1, true), nic(InterfaceKind.RESOLVER, "10.1.48.53", 1, false)));
        Vpc osaka = vpc(id, OSAKA, "10.11.0.0/16", 0.03,
                List.of(new FlowLog(flowLogId(id, 3), FlowFormat.CUSTOM_V5_TEXT, false, false)),
                List.of(nic(InterfaceKind.TGW, "10.11.0.20", 1, false),
                        nic(InterfaceKind.RESOLVER, "10.11.48.53", 1, false)));
        return new Account(id, "ネットワーク管理", "ネットワーク共通基盤", "network", 0.30, 0.07, 0, principals,
                List.of(tokyo, osaka));
    }

    private Account seikatsuHogo() {
        String id = "527461930384";
        List<Principal> principals = new ArrayList<>();
        operators(id, principals, "ope-tanaka", "seikatsu-kanri01");
        common(id, principals, true);
        Vpc tokyo = vpc(id, TOKYO, "10.2.0.0/16", 0.22,
                List.of(new FlowLog(flowLogId(id, 1), FlowFormat.V2_TEXT, false, false)),
                List.of(nic(InterfaceKind.APP, "10.2.1.10", 1, true), nic(InterfaceKind.APP, "10.2.1.11", 1, true),
                        nic(InterfaceKind.WINDOWS, "10.2.1.40", 1, true), nic(InterfaceKind.DB, "10.2.2.20", 1, false),
                        nic(InterfaceKind.ENDPOINT, "10.2.0.50", 1, false)));
        Vpc osaka = vpc(id, OSAKA, "10.12.0.0/16", 0.035,
                List.of(new FlowLog(flowLogId(id, 2), FlowFormat.V2_TEXT, false, false)),
                List.of(nic(InterfaceKind.REPLICA, "10.12.2.20", 1, false),
                        nic(InterfaceKind.STANDBY, "10.12.1.10", 1, true)));
        return new Account(id, "生活保護", "生活保護システム", "seikatsu-hogo", 0.27, 0.07, 1433, principals,
                List.of(tokyo, osaka));
    }

    private Account receipt() {
        String id = "639150287465";
        List<Principal> principals = new ArrayList<>();
        operators(id, principals, "ope-sato", "receipt-kanri01");
        common(id, principals, true);
        Vpc tokyo = vpc(id, TOKYO, "10.3.0.0/16", 0.20,
                List.of(new FlowLog(flowLogId(id, 1), FlowFormat.V2_TEXT, true, false)),
                List.of(nic(InterfaceKind.APP, "10.3.1.10", 1, true), nic(InterfaceKind.APP, "10.3.1.11", 1, true),
                        nic(InterfaceKind.DB, "10.3.2.20", 1, false), nic(InterfaceKind.ENDPOINT, "10.3.0.50", 1, false)));
        Vpc osaka = vpc(id, OSAKA, "10.13.0.0/16", 0.035,
                List.of(new FlowLog(flowLogId(id, 2), FlowFormat.V2_TEXT, true, true)),
                List.of(nic(InterfaceKind.REPLICA, "10.13.2.20", 1, false)));
        return new Account(id, "レセプト管理", "レセプト管理システム", "receipt", 0.23, 0.07, 5432, principals,
                List.of(tokyo, osaka));
    }

    private Account jidoFuyo() {
        String id = "741806352913";
        List<Principal> principals = new ArrayList<>();
        operators(id, principals, "ope-suzuki", "jido-kanri01");
        common(id, principals, true);
        principals.add(new Principal("IAMUser", Persona.BATCH, id, "batch-uploader", "AIDA" + ids.id(
                RandomText.UPPER_ALNUM, 17, id, "batch-uploader"), "AKIA" + ids.id(RandomText.UPPER_ALNUM, 16,
                id, "batch-uploader-key"), null, null, List.of("203.0.113.12"),
                List.of("aws-cli/2.15.30 Python/3.11.8 Windows/10 exe/AMD64 prompt/off command/ssm.get-parameter")));
        Vpc tokyo = vpc(id, TOKYO, "10.4.0.0/16", 0.20,
                List.of(new FlowLog(flowLogId(id, 1), FlowFormat.V5_PARQUET, false, false)),
                List.of(nic(InterfaceKind.APP, "10.4.1.10", 1, true), nic(InterfaceKind.APP, "10.4.1.25", 1, true),
                        nic(InterfaceKind.DB, "10.4.2.20", 1, false), nic(InterfaceKind.ENDPOINT, "10.4.0.50", 1, false)));
        return new Account(id, "児童扶養手当", "児童扶養手当システム", "jido-fuyo", 0.20, 0.04, 5432, principals,
                List.of(tokyo));
    }

    // --- building blocks ---------------------------------------------------------------------------------------

    private String flowLogId(String account, int n) {
        return "fl-" + ids.id(RandomText.HEX, 17, account, "flow-log", n);
    }

    private Vpc vpc(String account, String region, String cidr, double share, List<FlowLog> flowLogs,
            List<NicSpec> interfaces) {
        List<NetworkInterface> list = new ArrayList<>();
        String[] azs = region.equals(TOKYO) ? new String[] {"apne1-az4", "apne1-az1"}
                : new String[] {"apne3-az1", "apne3-az2"};
        for (NicSpec spec : interfaces) {
            String ip = spec.ip();
            int third = Integer.parseInt(ip.split("\\.")[2]);
            String flowLog = flowLogs.get(spec.flowLog() - 1).id();
            String ipv6 = spec.kind() == InterfaceKind.APP
                    ? "2406:da14:" + ids.id(RandomText.HEX, 3, account, "v6") + ":" + (1000 + third) + "::" + ip.substring(ip.lastIndexOf('.') + 1)
                    : null;
            list.add(new NetworkInterface("eni-" + ids.id(RandomText.HEX, 17, account, "eni", ip),
                    spec.kind(), ip, ipv6,
                    "subnet-" + ids.id(RandomText.HEX, 17, account, "subnet", region, third),
                    spec.instance() ? "i-" + ids.id(RandomText.HEX, 17, account, "instance", ip) : null,
                    azs[third % 2], flowLog));
        }
        return new Vpc(region, "vpc-" + ids.id(RandomText.HEX, 17, account, "vpc", region), cidr, share,
                List.copyOf(list), flowLogs);
    }

    /** An interface to create: its kind, address, which of the VPC's flow logs (from 1) and whether an instance owns it. */
    private record NicSpec(InterfaceKind kind, String ip, int flowLog, boolean instance) {
    }

    private static NicSpec nic(InterfaceKind kind, String ip, int flowLog, boolean instance) {
        return new NicSpec(kind, ip, flowLog, instance);
    }

    private void operators(String account, List<Principal> out, String... names) {
        for (String name : names) {
            out.add(new Principal("IAMUser", Persona.OPERATOR, account, name,
                    "AIDA" + ids.id(RandomText.UPPER_ALNUM, 17, account, name), null, null, null, OFFICE_EGRESS,
                    List.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                            + " Chrome/129.0.0.0 Safari/537.36 Edg/129.0.0.0", "AWS Internal")));
        }
    }

    /** Roles and service principals every account has. */
    private void common(String account, List<Principal> out, boolean runsApplication) {
        out.add(role(account, Persona.DEPLOY, "GovCloudDeployRole", "terraform-ci", null, List.of(pipelineIp()),
                List.of("APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.74.0"
                        + " (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.4 ua/2.1"
                        + " os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64")));
        out.add(role(account, Persona.INSTANCE, "AppServerRole", null, null, List.of(),
                List.of("aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) amazon-ssm-agent/3.3.1142.0")));
        if (runsApplication) {
            out.add(role(account, Persona.TASK, "AppTaskRole", null, null, List.of(),
                    List.of("aws-sdk-java/2.28.16 Linux/5.10.226-214.880.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.12+7-LTS"
                            + " Java/17.0.12 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_FARGATE io/sync"
                            + " http/Apache cfg/retry-mode/legacy")));
        }
        out.add(role(account, Persona.CONFIG, "AWSServiceRoleForConfig", "AWSConfig-Describe", "config.amazonaws.com",
                List.of("config.amazonaws.com"), List.of("config.amazonaws.com")));
        out.add(role(account, Persona.GUARDDUTY, "AWSServiceRoleForAmazonGuardDuty", "GuardDuty",
                "guardduty.amazonaws.com", List.of("guardduty.amazonaws.com"), List.of("guardduty.amazonaws.com")));
        out.add(role(account, Persona.SECURITYHUB, "AWSServiceRoleForSecurityHub", "securityhub",
                "securityhub.amazonaws.com", List.of("securityhub.amazonaws.com"), List.of("securityhub.amazonaws.com")));
        out.add(role(account, Persona.BACKUP, "AWSBackupDefaultServiceRole", "AWSBackup-AWSBackupDefaultServiceRole",
                "backup.amazonaws.com", List.of("backup.amazonaws.com"), List.of("backup.amazonaws.com")));
        for (String service : runsApplication ? List.of("ecs-tasks.amazonaws.com", "lambda.amazonaws.com")
                : List.of("lambda.amazonaws.com")) {
            out.add(new Principal("AWSService", Persona.SERVICE, account, service, null, null, null, service,
                    List.of(service), List.of(service)));
        }
        out.add(new Principal("Root", Persona.ROOT, account, "root", account, null, null, null, List.of(), List.of()));
    }

    private Principal role(String account, Persona persona, String role, String session, String invokedBy,
            List<String> ips, List<String> agents) {
        return new Principal("AssumedRole", persona, account, role,
                "AROA" + ids.id(RandomText.UPPER_ALNUM, 17, account, role), null, session, invokedBy, ips, agents);
    }
}
