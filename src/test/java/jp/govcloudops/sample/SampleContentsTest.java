package jp.govcloudops.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import jp.govcloudops.aggregate.Boundary;
import jp.govcloudops.aggregate.NetworkBoundaries;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.NetworkProperties;
import jp.govcloudops.source.LogType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two generated days (a Friday and a Saturday) at scale 0.1, read back with the project's own walker and parsers:
 * volume, every layout variant, zero quarantine, the labels, a quiet background and a loadable configuration.
 */
class SampleContentsTest {

    private static final LocalDate FROM = LocalDate.of(2026, 10, 2);
    private static final LocalDate TO = LocalDate.of(2026, 10, 3);
    private static final double SCALE = 0.1;

    @TempDir
    static Path dir;
    static SampleGenerator.Result result;
    static SampleReadBack sample;
    static JsonNode labels;

    @BeforeAll
    static void generate() throws IOException {
        result = new SampleGenerator().generate(new SampleOptions(FROM, TO, dir, SCALE, 11, null), false);
        // The last minutes of TO are delivered into the next day's folder.
        sample = SampleReadBack.read(dir.resolve("logs"), FROM, TO.plusDays(1));
        labels = new ObjectMapper().readTree(dir.resolve("labels.json").toFile());
    }

    @Test
    void volumeIsWithinFifteenPercentOfTheScaledTarget() {
        int days = 2;
        long cloudTrail = sample.records(LogType.CLOUDTRAIL);
        long flows = sample.records(LogType.VPCFLOW);
        assertThat((double) cloudTrail).isBetween(0.85 * days * 5_000 * SCALE, 1.15 * days * 5_000 * SCALE);
        assertThat((double) flows).isBetween(0.85 * days * 20_000 * SCALE, 1.15 * days * 20_000 * SCALE);
        assertThat(sample.events).hasSize((int) cloudTrail);
        assertThat(sample.flows).hasSize((int) flows);
        assertThat(result.tallies().get("cloudtrail").records()).isEqualTo(cloudTrail);
        assertThat(result.tallies().get("vpcflow").records()).isEqualTo(flows);
    }

    @Test
    void everyObjectParsesWithoutQuarantine() {
        assertThat(sample.objects).isNotEmpty();
        for (SampleReadBack.ObjectRead object : sample.objects) {
            assertThat(object.problems()).as(object.key()).isEmpty();
            assertThat(object.records()).as(object.key()).isPositive();
        }
        long onDisk = logFiles().stream().filter(k -> !k.contains("/CloudTrail-Digest/") && !securityService(k)).count();
        assertThat(sample.objects).hasSize((int) onDisk);
    }

    private static boolean securityService(String key) {
        return key.contains("/GuardDuty/") || key.contains("/Config/") || key.startsWith("securityhub/");
    }

    /**
     * GuardDuty's exports, Security Hub's Firehose files and Config's history parse with their readers: only the
     * planted insight event is set aside, and the planted findings are there.
     */
    @Test
    void securityServicesFilesParse() throws Exception {
        List<String> rejected = new java.util.ArrayList<>();
        List<jp.govcloudops.format.finding.ServiceFinding> findings = new java.util.ArrayList<>();
        long configItems = 0;
        for (String key : logFiles().stream().filter(SampleContentsTest::securityService).toList()) {
            try (java.io.InputStream in = jp.govcloudops.format.Decompression.open(
                    java.nio.file.Files.newInputStream(dir.resolve("logs").resolve(key)))) {
                jp.govcloudops.format.Quarantine q = (position, reason, excerpt, n) -> rejected.add(key + " " + reason);
                if (key.contains("/GuardDuty/")) {
                    new jp.govcloudops.format.finding.GuardDutyReader(jp.govcloudops.format.RecordLimits.DEFAULT)
                            .read(in, findings::add, q);
                } else if (key.startsWith("securityhub/")) {
                    new jp.govcloudops.format.finding.SecurityHubReader(jp.govcloudops.format.RecordLimits.DEFAULT)
                            .read(in, findings::add, q);
                } else {
                    configItems += new jp.govcloudops.format.config.ConfigReader(jp.govcloudops.format.RecordLimits.DEFAULT)
                            .read(in, c -> { }, q);
                }
            }
        }
        assertThat(rejected).singleElement().asString().contains("Security Hub Insight Results");
        assertThat(configItems).isPositive();
        assertThat(findings).filteredOn(f -> f.key().equals("guardduty:planted-attack-sequence"))
                .extracting(jp.govcloudops.format.finding.ServiceFinding::severity).containsExactly("CRITICAL", "CRITICAL");
        assertThat(findings).filteredOn(f -> f.key().equals("guardduty:planted-exfiltration")).hasSize(2)
                .allMatch(f -> f.severity().equals("HIGH"));
    }

    @Test
    void cloudTrailHasRealShapesAndALateFolder() {
        assertThat(sample.objects.stream().filter(o -> o.type() == LogType.CLOUDTRAIL))
                .allMatch(o -> o.key().matches("AWSLogs/\\d{12}/CloudTrail/ap-northeast-[13]/2026/10/0[2-4]/\\d{12}"
                        + "_CloudTrail_ap-northeast-[13]_202610\\d\\dT\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz"));
        Set<String> types = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        for (SampleReadBack.Event e : sample.events) {
            types.add(String.valueOf(e.identityType()));
            services.add(e.eventSource());
            JsonNode tree = e.tree();
            for (String field : List.of("eventVersion", "userIdentity", "eventTime", "eventSource", "eventName",
                    "awsRegion", "sourceIPAddress", "userAgent", "eventID", "readOnly", "eventType",
                    "managementEvent", "recipientAccountId", "eventCategory")) {
                assertThat(tree.has(field)).as(field + " in " + tree).isTrue();
            }
            assertThat(tree.path("eventTime").asString()).matches("2026-10-0[2-3]T\\d\\d:\\d\\d:\\d\\dZ");
            if ("AssumedRole".equals(e.identityType())) {
                assertThat(tree.path("userIdentity").path("sessionContext").path("sessionIssuer").path("arn")
                        .asString()).startsWith("arn:aws:iam::");
            }
        }
        assertThat(types).contains("IAMUser", "AssumedRole", "AWSService", "Root");
        assertThat(services).hasSizeGreaterThanOrEqualTo(15);
        assertThat(sample.events.stream().filter(e -> e.eventName().equals("ConsoleLogin") && "Yes".equals(e.mfaUsed())))
                .as("operators' morning and afternoon sign-ins").hasSizeGreaterThanOrEqualTo(3);
        assertThat(sample.events).anyMatch(e -> e.tree().path("readOnly").asBoolean())
                .anyMatch(e -> !e.tree().path("readOnly").asBoolean());
        assertThat(sample.events).anyMatch(e -> e.tree().path("userIdentity").has("invokedBy"));
        assertThat(sample.events).anyMatch(e -> "Client.UnauthorizedOperation".equals(e.errorCode()))
                .anyMatch(e -> e.errorCode() != null && e.errorCode().startsWith("AccessDenied"));
        // Delivered after midnight: the folder is a day after the event.
        List<SampleReadBack.Event> late = sample.events.stream()
                .filter(e -> LocalDate.ofEpochDay(Math.floorDiv(e.epochSecond(), 86_400L)).plusDays(1)
                        .equals(e.folderDate())).toList();
        assertThat(late).isNotEmpty().allMatch(e -> Math.floorMod(e.epochSecond(), 86_400L) >= 86_400 - 600);
    }

    @Test
    void insightsAndDigestsArePresentAndDigestsAreNotIngested() {
        assertThat(sample.objects.stream().filter(o -> o.type() == LogType.CLOUDTRAIL_INSIGHT)).hasSizeGreaterThanOrEqualTo(2);
        Set<String> states = new TreeSet<>();
        Set<String> kinds = new TreeSet<>();
        for (SampleReadBack.Event insight : sample.insights) {
            assertThat(insight.tree().path("eventType").asString()).isEqualTo("AwsCloudTrailInsight");
            JsonNode details = insight.tree().path("insightDetails");
            states.add(details.path("state").asString());
            kinds.add(details.path("insightType").asString());
            assertThat(details.path("insightContext").path("statistics").path("baseline").path("average").isNumber())
                    .isTrue();
        }
        assertThat(states).containsExactly("End", "Start");
        assertThat(kinds).contains("ApiCallRateInsight");
        List<String> digests = logFiles().stream().filter(k -> k.contains("/CloudTrail-Digest/")).toList();
        assertThat(digests).isNotEmpty().allMatch(k -> k.matches(".*_CloudTrail-Digest_ap-northeast-[13]_"
                + "govcloud-management-trail_ap-northeast-[13]_\\d{8}T\\d{6}Z\\.json\\.gz(\\.signature)?"));
        // Every digest has its signature beside it (a local copy has no S3 metadata).
        assertThat(digests.stream().filter(k -> k.endsWith(".signature")).count() * 2).isEqualTo(digests.size());
        assertThat(sample.partitions).noneMatch(p -> p.folderPrefix().contains("Digest"));
    }

    @Test
    void flowLogsComeInEveryLayoutAndFormat() throws IOException {
        List<String> flowKeys = sample.objects.stream().filter(o -> o.type() == LogType.VPCFLOW)
                .map(SampleReadBack.ObjectRead::key).toList();
        assertThat(flowKeys).anyMatch(k -> k.matches("AWSLogs/\\d{12}/vpcflowlogs/ap-northeast-1/2026/10/0\\d/\\d{12}"
                + "_vpcflowlogs_ap-northeast-1_fl-[0-9a-f]{17}_\\d{8}T\\d{4}Z_[0-9a-f]{8}\\.log\\.gz"));
        assertThat(flowKeys).as("per-hour").anyMatch(k -> k.matches(".*/vpcflowlogs/ap-northeast-1/2026/10/0\\d/\\d\\d/.*\\.log\\.gz"));
        assertThat(flowKeys).as("Hive").anyMatch(k -> k.startsWith("AWSLogs/aws-account-id=")
                && k.contains("/aws-service=vpcflowlogs/aws-region=ap-northeast-1/year=2026/month=10/day=0"));
        assertThat(flowKeys).as("Hive per-hour").anyMatch(k -> k.contains("/aws-region=ap-northeast-3/")
                && k.matches(".*/day=0\\d/hour=\\d\\d/.*"));
        assertThat(flowKeys).as("Parquet").anyMatch(k -> k.endsWith(".log.parquet"));
        assertThat(sample.flows).anyMatch(f -> f.key().endsWith(".log.parquet") && f.bytes() > 0);

        Set<String> headers = new TreeSet<>();
        for (String key : flowKeys) {
            if (key.endsWith(".gz")) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                        Files.newInputStream(dir.resolve("logs").resolve(key))), StandardCharsets.US_ASCII))) {
                    headers.add(in.readLine());
                }
            }
        }
        assertThat(headers).contains("version account-id interface-id srcaddr dstaddr srcport dstport protocol"
                + " packets bytes start end action log-status");
        assertThat(headers).anyMatch(h -> h.startsWith("version account-id region vpc-id subnet-id instance-id"
                + " interface-id flow-direction") && h.contains("pkt-srcaddr") && h.contains("traffic-path"));

        assertThat(sample.flows).anyMatch(f -> "NODATA".equals(f.logStatus()))
                .anyMatch(f -> "SKIPDATA".equals(f.logStatus()))
                .anyMatch(f -> "REJECT".equals(f.action()))
                .anyMatch(f -> f.src() != null && f.src().contains(":"))
                .anyMatch(f -> f.protocol() == 17)
                .anyMatch(f -> f.dstPort() == 443)
                .anyMatch(f -> f.dstPort() == 1433)
                .anyMatch(f -> f.dstPort() == 5432);
        Set<String> flowAccounts = new TreeSet<>();
        Map<String, Long> perRegion = new TreeMap<>();
        for (SampleReadBack.ObjectRead o : sample.objects) {
            if (o.type() == LogType.VPCFLOW) {
                flowAccounts.add(accountOf(o.key()));
                perRegion.merge(o.key().contains("ap-northeast-3") ? "osaka" : "tokyo", o.records(), Long::sum);
            }
        }
        assertThat(flowAccounts).hasSize(4);
        assertThat(perRegion.get("osaka")).isPositive().isLessThan(perRegion.get("tokyo") / 5);
    }

    @Test
    void trafficCrossesTheConfiguredBoundaries() throws IOException {
        NetworkBoundaries boundaries = new NetworkBoundaries(bindConfiguration().network);
        Set<Boundary> seen = new HashSet<>();
        for (SampleReadBack.Flow f : sample.flows) {
            if (f.src() != null && !f.src().contains(":")) {
                seen.add(boundaries.ofV4((int) jp.govcloudops.format.IpV4.parse(f.src())));
            }
        }
        assertThat(seen).contains(Boundary.LGCS, Boundary.ASP, Boundary.VPC, Boundary.INTERNET);
        // SSH reaches the estate from the LGCS admin hosts only.
        for (SampleReadBack.Flow f : sample.flows) {
            if (f.dstPort() == 22 && "ACCEPT".equals(f.action()) && f.src() != null && !f.src().contains(":")) {
                Boundary from = boundaries.ofV4((int) jp.govcloudops.format.IpV4.parse(f.src()));
                assertThat(from).as(f.toString()).isIn(Boundary.LGCS);
            }
        }
    }

    @Test
    void everyLabelIsInTheObjectsItNames() {
        Set<String> expected = Set.of("root-signin", "console-login-without-mfa", "stop-logging", "delete-flow-logs",
                "sg-open-ssh-world", "access-denied-burst", "port-scan", "exfiltration-spike",
                "rejected-traffic-spike");
        Set<String> found = new HashSet<>();
        for (JsonNode label : labels) {
            found.add(label.path("label").asString());
            List<String> keys = new ArrayList<>();
            label.path("objectKeys").forEach(k -> keys.add(k.asString()));
            assertThat(keys).isNotEmpty();
            keys.forEach(k -> assertThat(dir.resolve("logs").resolve(k)).exists());
            assertThat(keys).allMatch(k -> k.contains(label.path("accountId").asString())
                    && k.contains(label.path("region").asString()));
            if (label.path("logType").asString().equals("cloudtrail")) {
                Map<String, SampleReadBack.Event> byId = new HashMap<>();
                sample.events.stream().filter(e -> keys.contains(e.key())).forEach(e -> byId.put(e.eventId(), e));
                Set<String> names = new TreeSet<>();
                label.path("eventIds").forEach(id -> {
                    assertThat(byId).as(label.path("label").asString()).containsKey(id.asString());
                    names.add(byId.get(id.asString()).eventName());
                });
                Set<String> labelled = new TreeSet<>();
                label.path("eventNames").forEach(n -> labelled.add(n.asString()));
                assertThat(names).isEqualTo(labelled);
                assertThat(label.path("eventIds").size()).isEqualTo(label.path("records").asInt());
            } else {
                JsonNode flow = label.path("flow");
                String src = flow.path("srcaddr").asString();
                Set<String> dsts = new TreeSet<>();
                flow.path("dstaddrs").forEach(d -> dsts.add(d.asString()));
                assertThat(dsts).contains(flow.path("dstaddr").asString());
                List<SampleReadBack.Flow> matching = sample.flows.stream().filter(f -> keys.contains(f.key())
                        && ((src.equals(f.src()) && dsts.contains(f.dst()))
                                || (src.equals(f.dst()) && dsts.contains(f.src()))))
                        .toList();
                assertThat(matching.size()).as(label.toString()).isGreaterThanOrEqualTo(label.path("records").asInt());
                Set<Long> ports = new TreeSet<>();
                matching.stream().filter(f -> src.equals(f.src())).forEach(f -> ports.add(f.dstPort()));
                assertThat(ports.size()).isGreaterThanOrEqualTo(flow.path("dstPorts").size());
                if (!label.path("label").asString().equals("rejected-traffic-spike")) {
                    assertThat(matching.size()).isEqualTo(label.path("records").asInt());
                    assertThat(matching.stream().mapToLong(SampleReadBack.Flow::bytes).sum())
                            .isEqualTo(flow.path("bytes").asLong());
                }
            }
        }
        assertThat(found).isEqualTo(expected);
        JsonNode portScan = label("port-scan").path("flow");
        assertThat(portScan.path("dstPorts").size()).isGreaterThanOrEqualTo(10);
        assertThat(label("exfiltration-spike").path("flow").path("bytesFromSource").asLong()).isGreaterThan(2_000_000_000L);
        assertThat(label("exfiltration-spike").path("flow").path("dstaddrs")).extracting(JsonNode::asString)
                .containsExactly("198.51.100.200", "198.51.100.53");
        assertThat(label("rejected-traffic-spike").path("flow").path("actions").path("REJECT").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(label("access-denied-burst").path("errors").asInt()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void backgroundStaysQuiet() {
        Set<String> planted = new HashSet<>();
        for (JsonNode label : labels) {
            label.path("eventIds").forEach(id -> planted.add(id.asString()));
        }
        Map<String, Integer> deniedPerPrincipalDay = new TreeMap<>();
        for (SampleReadBack.Event e : sample.events) {
            if (planted.contains(e.eventId())) {
                continue;
            }
            assertThat(e.identityType()).as("root outside the planted sign-in").isNotEqualTo("Root");
            assertThat(e.tree().path("userIdentity").path("type").asString()).isNotEqualTo("Root");
            if (e.eventName().equals("ConsoleLogin")) {
                assertThat(e.mfaUsed()).isEqualTo("Yes");
            }
            assertThat(e.eventName()).isNotIn("StopLogging", "DeleteTrail", "DeleteFlowLogs", "DeleteDetector",
                    "SendCommand", "CreateAccessKey", "ModifySnapshotAttribute", "LeaveOrganization");
            if (e.eventName().equals("AuthorizeSecurityGroupIngress")) {
                assertThat(e.tree().path("requestParameters").toString()).doesNotContain("0.0.0.0/0", "::/0");
            }
            String code = e.errorCode();
            if (code != null && (code.startsWith("AccessDenied") || code.endsWith("UnauthorizedOperation"))) {
                deniedPerPrincipalDay.merge(e.principal() + " " + Math.floorDiv(e.epochSecond(), 86_400L), 1,
                        Integer::sum);
            }
        }
        assertThat(deniedPerPrincipalDay.values()).allMatch(n -> n < 20);

        Set<String> plantedFlowSources = new HashSet<>();
        for (JsonNode label : labels) {
            if (label.has("flow")) {
                plantedFlowSources.add(label.path("flow").path("srcaddr").asString());
            }
        }
        Map<String, Set<Long>> portsPerPairHour = new TreeMap<>();
        Map<String, Integer> rejectsPerSourceHour = new TreeMap<>();
        for (SampleReadBack.Flow f : sample.flows) {
            if (f.src() == null || plantedFlowSources.contains(f.src())) {
                continue;
            }
            long hour = Math.floorDiv(f.start(), 3600L);
            // Requests only: responses go back to a new ephemeral port every time.
            if (!f.src().startsWith("10.") && f.srcPort() >= 1024) {
                portsPerPairHour.computeIfAbsent(f.src() + ">" + f.dst() + "@" + hour, k -> new HashSet<>())
                        .add(f.dstPort());
                boolean adminPort = f.dstPort() == 22 || f.dstPort() == 3389;
                assertThat(adminPort && "ACCEPT".equals(f.action())).as("admin port from " + f.src()).isFalse();
            }
            if ("REJECT".equals(f.action())) {
                rejectsPerSourceHour.merge(f.src() + "@" + hour, 1, Integer::sum);
            }
        }
        assertThat(portsPerPairHour.values()).allMatch(ports -> ports.size() < 10);
        assertThat(rejectsPerSourceHour.values()).allMatch(n -> n <= 5);
    }

    @Test
    void configurationBindsAndPointsAtTheLogs() throws IOException {
        BoundConfiguration config = bindConfiguration();
        assertThat(config.govcloud.accounts()).extracting(GovcloudProperties.Account::name)
                .containsExactly("ネットワーク管理", "生活保護", "レセプト管理", "児童扶養手当");
        assertThat(config.govcloud.sources()).containsExactly(dir.resolve("logs").toString());
        assertThat(config.network.lgcs()).containsExactly("10.100.0.0/16");
        assertThat(config.network.asp()).containsExactly("10.200.0.0/16");
        assertThat(config.network.vpc()).hasSize(7);
        Set<String> ids = new TreeSet<>();
        config.govcloud.accounts().forEach(a -> ids.add(a.id()));
        for (JsonNode label : labels) {
            assertThat(ids).contains(label.path("accountId").asString());
        }
    }

    private record BoundConfiguration(GovcloudProperties govcloud, NetworkProperties network) {
    }

    private static BoundConfiguration bindConfiguration() throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("sample",
                new FileSystemResource(dir.resolve("config/application.yml")));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));
        return new BoundConfiguration(binder.bind("govcloud", GovcloudProperties.class).get(),
                binder.bind("govcloud.network", NetworkProperties.class).get());
    }

    private static JsonNode label(String name) {
        for (JsonNode label : labels) {
            if (label.path("label").asString().equals(name)) {
                return label;
            }
        }
        throw new AssertionError("no label " + name);
    }

    private static String accountOf(String key) {
        String rest = key.substring("AWSLogs/".length());
        rest = rest.startsWith("aws-account-id=") ? rest.substring("aws-account-id=".length()) : rest;
        return rest.substring(0, 12);
    }

    private static List<String> logFiles() {
        Path logs = dir.resolve("logs");
        try (Stream<Path> walk = Files.walk(logs)) {
            return walk.filter(Files::isRegularFile).map(p -> logs.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
