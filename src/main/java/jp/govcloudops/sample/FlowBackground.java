package jp.govcloudops.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jp.govcloudops.sample.FlowRows.End;
import jp.govcloudops.sample.FlowRows.Traffic;
import jp.govcloudops.sample.SampleEstate.Account;
import jp.govcloudops.sample.SampleEstate.InterfaceKind;
import jp.govcloudops.sample.SampleEstate.NetworkInterface;
import jp.govcloudops.sample.SampleEstate.Vpc;

/**
 * A VPC's routine traffic for one day: LGCS terminals using the systems over HTTPS, ASP vendors through
 * PrivateLink, applications and their databases, servers reaching AWS endpoints, DNS to the on-premises
 * resolvers, replication to Osaka, SSH from the LGCS admin hosts (never from elsewhere), RDP rarely, and the
 * internet knocking on the public load balancer at one or two ports per address, and NODATA for idle
 * interfaces.
 *
 * <p>Two sources behave in fixed, scale-independent ways because detections judge them against their own
 * history: a misconfigured on-premises host that is rejected a few times an hour, and an application server
 * that uploads a few megabytes an hour to S3.
 */
final class FlowBackground {

    /** Ports the internet tries; admin and database ports are left out so the background raises no findings. */
    private static final int[] NOISE_PORTS = {23, 80, 445, 1080, 2323, 5555, 7547, 8080, 8081, 8888, 9000, 37215};

    private final SampleEstate estate;
    private final List<String> spokeApps = new ArrayList<>();
    /** Tokyo databases and their Osaka replicas, which replication traffic connects. */
    private final List<String[]> replicaPairs = new ArrayList<>();

    FlowBackground(SampleEstate estate) {
        this.estate = estate;
        for (Account account : estate.accounts()) {
            for (Vpc vpc : account.vpcs(SampleEstate.TOKYO)) {
                vpc.ofKind(InterfaceKind.APP).forEach(i -> spokeApps.add(i.privateIp()));
            }
            String replica = replicaOf(account);
            if (replica != null) {
                replicaPairs.add(new String[] {tokyoDatabase(account), replica, String.valueOf(account.dbPort())});
            }
        }
    }

    private static String tokyoDatabase(Account account) {
        return account.vpcs(SampleEstate.TOKYO).get(0).ofKind(InterfaceKind.DB).get(0).privateIp();
    }

    private static String replicaOf(Account account) {
        return account.vpcs(SampleEstate.OSAKA).stream().flatMap(v -> v.ofKind(InterfaceKind.REPLICA).stream())
                .map(NetworkInterface::privateIp).findFirst().orElse(null);
    }

    /** A kind of connection, how often it happens relative to the others, and when in the day. */
    private record Pattern(String name, double weight, DayShape shape) {
    }

    List<FlowRow> day(Account account, Vpc vpc, LocalDate day, double target, SplittableRandom random) {
        Map<DayShape, double[]> shapes = new EnumMap<>(DayShape.class);
        for (DayShape shape : DayShape.values()) {
            shapes.put(shape, shape.weights(day, estate.calendar()));
        }
        List<FlowRow> rows = new ArrayList<>();
        recurringSources(account, vpc, day, random, rows);
        idleAndSkipped(account, vpc, day, target, random, rows);
        List<Pattern> patterns = patterns(vpc);
        double[] weights = patterns.stream().mapToDouble(Pattern::weight).toArray();
        while (rows.size() < target && !patterns.isEmpty()) {
            Pattern pattern = patterns.get(RandomText.weighted(random, weights));
            long start = DayShape.draw(random, day, shapes.get(pattern.shape()));
            rows.addAll(connection(pattern.name(), account, vpc, start, random));
        }
        return rows;
    }

    private List<Pattern> patterns(Vpc vpc) {
        List<Pattern> patterns = new ArrayList<>();
        if (!vpc.ofKind(InterfaceKind.APP).isEmpty()) {
            patterns.add(new Pattern("lgcs-https", 30, DayShape.BUSINESS));
            patterns.add(new Pattern("app-db", 14, DayShape.STEADY));
            patterns.add(new Pattern("aws-https", 7, DayShape.STEADY));
            patterns.add(new Pattern("lgcs-ssh", 1.2, DayShape.BUSINESS));
            patterns.add(new Pattern("icmp-monitor", 1.5, DayShape.STEADY));
        }
        if (!vpc.ofKind(InterfaceKind.WINDOWS).isEmpty()) {
            patterns.add(new Pattern("lgcs-rdp", 0.25, DayShape.BUSINESS));
            patterns.add(new Pattern("batch-db", 3, DayShape.NIGHT));
        }
        if (!vpc.ofKind(InterfaceKind.ENDPOINT).isEmpty()) {
            patterns.add(new Pattern("asp-privatelink", 6, DayShape.BUSINESS));
        }
        if (!vpc.ofKind(InterfaceKind.TGW).isEmpty()) {
            boolean tokyo = vpc.region().equals(SampleEstate.TOKYO);
            patterns.add(new Pattern("tgw-https", tokyo ? 20 : 0.5, DayShape.BUSINESS));
            patterns.add(new Pattern("tgw-ssh", tokyo ? 1 : 0.1, DayShape.BUSINESS));
            patterns.add(new Pattern("tgw-replication", 3, DayShape.STEADY));
        }
        if (!vpc.ofKind(InterfaceKind.PROXY).isEmpty()) {
            patterns.add(new Pattern("proxy-out", 7, DayShape.BUSINESS));
        }
        if (!vpc.ofKind(InterfaceKind.PUBLIC_LB).isEmpty()) {
            patterns.add(new Pattern("public-https", 5, DayShape.STEADY));
            patterns.add(new Pattern("internet-noise", 2, DayShape.STEADY));
        }
        if (!vpc.ofKind(InterfaceKind.RESOLVER).isEmpty()) {
            patterns.add(new Pattern("dns", vpc.region().equals(SampleEstate.TOKYO) ? 6 : 0.5, DayShape.STEADY));
        }
        if (!vpc.ofKind(InterfaceKind.REPLICA).isEmpty()) {
            patterns.add(new Pattern("replication-in", 3, DayShape.STEADY));
        }
        return patterns;
    }

    private List<FlowRow> connection(String pattern, Account account, Vpc vpc, long start, SplittableRandom r) {
        String id = account.id();
        int eph = FlowRows.ephemeralPort(r);
        return switch (pattern) {
            case "lgcs-https" -> FlowRows.connection(vpc, id, End.of(pick(r, estate.lgcsClients(account))),
                    End.of(pick(r, vpc.ofKind(InterfaceKind.APP))), null, https(r, eph, 443, 25_000, 400_000), start, r);
            case "app-db" -> FlowRows.connection(vpc, id, End.of(pick(r, vpc.ofKind(InterfaceKind.APP))),
                    End.of(vpc.ofKind(InterfaceKind.DB).get(0)), null,
                    https(r, eph, account.dbPort(), 9_000, 120_000), start, r);
            case "aws-https" -> {
                List<NetworkInterface> apps = vpc.ofKind(InterfaceKind.APP).stream()
                        .filter(i -> !i.privateIp().equals(SampleScenario.EXFILTRATION_SOURCE)).toList();
                NetworkInterface app = pick(r, apps);
                boolean v6 = app.ipv6() != null && r.nextDouble() < 0.05;
                End client = v6 ? new End(app.ipv6(), app) : End.of(app);
                String server = v6 ? pick(r, SampleEstate.AWS_SERVICE_IPV6) : pick(r, awsServices(vpc));
                yield FlowRows.connection(vpc, id, client, End.of(server), null, https(r, eph, 443, 12_000, 60_000),
                        start, r);
            }
            case "lgcs-ssh" -> FlowRows.connection(vpc, id, End.of(pick(r, estate.lgcsAdminHosts())),
                    End.of(pick(r, vpc.ofKind(InterfaceKind.APP))), null, https(r, eph, 22, 6_000, 40_000), start, r);
            case "icmp-monitor" -> FlowRows.connection(vpc, id, End.of(estate.lgcsMonitor()),
                    End.of(pick(r, vpc.ofKind(InterfaceKind.APP))), null,
                    new Traffic(FlowRows.ICMP, 0, 0, 1, 84, 1, 84, true), start, r);
            case "lgcs-rdp" -> FlowRows.connection(vpc, id, End.of(pick(r, estate.lgcsAdminHosts())),
                    End.of(vpc.ofKind(InterfaceKind.WINDOWS).get(0)), null, https(r, eph, 3389, 60_000, 900_000),
                    start, r);
            case "batch-db" -> FlowRows.connection(vpc, id, End.of(vpc.ofKind(InterfaceKind.WINDOWS).get(0)),
                    End.of(vpc.ofKind(InterfaceKind.DB).get(0)), null, https(r, eph, account.dbPort(), 40_000, 900_000),
                    start, r);
            case "asp-privatelink" -> FlowRows.connection(vpc, id, End.of(pick(r, estate.aspHosts())),
                    End.of(vpc.ofKind(InterfaceKind.ENDPOINT).get(0)), null, https(r, eph, 443, 15_000, 200_000),
                    start, r);
            case "tgw-https" -> FlowRows.connection(vpc, id, End.of(pick(r, estate.lgcsClients(account))),
                    new End(pick(r, spokeApps), pick(r, vpc.ofKind(InterfaceKind.TGW))), null,
                    https(r, eph, 443, 25_000, 400_000), start, r);
            case "tgw-ssh" -> FlowRows.connection(vpc, id, End.of(pick(r, estate.lgcsAdminHosts())),
                    new End(pick(r, spokeApps), pick(r, vpc.ofKind(InterfaceKind.TGW))), null,
                    https(r, eph, 22, 6_000, 40_000), start, r);
            case "tgw-replication" -> {
                String[] pair = pick(r, replicaPairs);
                yield FlowRows.connection(vpc, id, End.of(pair[0]),
                        new End(pair[1], pick(r, vpc.ofKind(InterfaceKind.TGW))), null,
                        https(r, eph, Integer.parseInt(pair[2]), 2_000_000, 20_000), start, r);
            }
            case "proxy-out" -> FlowRows.connection(vpc, id, End.of(vpc.ofKind(InterfaceKind.PROXY).get(0)),
                    End.of(pick(r, SampleEstate.VENDOR_SITES)), vpc.ofKind(InterfaceKind.NAT).get(0),
                    https(r, eph, 443, 8_000, 300_000), start, r);
            case "public-https" -> FlowRows.connection(vpc, id, End.of(internetAddress(r)),
                    End.of(vpc.ofKind(InterfaceKind.PUBLIC_LB).get(0)), null, https(r, eph, 443, 3_000, 80_000),
                    start, r);
            case "internet-noise" -> FlowRows.connection(vpc, id, End.of(internetAddress(r)),
                    End.of(vpc.ofKind(InterfaceKind.PUBLIC_LB).get(0)), null,
                    new Traffic(FlowRows.TCP, eph, NOISE_PORTS[r.nextInt(NOISE_PORTS.length)], 1, 44, 0, 0, false),
                    start, r);
            case "dns" -> FlowRows.connection(vpc, id, End.of(vpc.ofKind(InterfaceKind.RESOLVER).get(0)),
                    End.of(estate.lgcsDnsServer()), null,
                    new Traffic(FlowRows.UDP, eph, 53, 1, 60 + r.nextInt(40), 1, 90 + r.nextInt(200), true), start, r);
            case "replication-in" -> FlowRows.connection(vpc, id, End.of(tokyoDatabase(account)),
                    End.of(vpc.ofKind(InterfaceKind.REPLICA).get(0)), null,
                    https(r, eph, account.dbPort(), 2_000_000, 20_000), start, r);
            default -> throw new IllegalStateException("unknown traffic pattern " + pattern);
        };
    }

    /** A TCP exchange: request up to {@code requestBytes}, response up to {@code responseBytes}. */
    private static Traffic https(SplittableRandom r, int srcPort, int dstPort, int requestBytes, int responseBytes) {
        long reqBytes = 400 + r.nextInt(Math.max(1, requestBytes));
        long respBytes = 300 + r.nextInt(Math.max(1, responseBytes));
        return new Traffic(FlowRows.TCP, srcPort, dstPort, Math.max(3, reqBytes / 700), reqBytes,
                Math.max(2, respBytes / 1_200), respBytes, true);
    }

    private static List<String> awsServices(Vpc vpc) {
        return vpc.region().equals(SampleEstate.TOKYO) ? SampleEstate.AWS_SERVICE_IPS_TOKYO
                : SampleEstate.AWS_SERVICE_IPS_OSAKA;
    }

    /** An internet address from the documentation ranges, never one the scenario uses for an incident. */
    private static String internetAddress(SplittableRandom r) {
        while (true) {
            String address = (r.nextBoolean() ? "192.0.2." : "198.51.100.") + (1 + r.nextInt(254));
            if (!address.equals(SampleScenario.EXFILTRATION_TARGET) && !address.equals(SampleScenario.LEAKED_KEY_SOURCE)
                    && !address.equals(SampleScenario.ROOT_SOURCE)) {
                return address;
            }
        }
    }

    /** The two sources with a fixed daily routine that detections learn as normal. */
    private void recurringSources(Account account, Vpc vpc, LocalDate day, SplittableRandom r, List<FlowRow> rows) {
        long dayStart = day.toEpochDay() * 86_400L;
        for (NetworkInterface eni : vpc.interfaces()) {
            if (eni.privateIp().equals(SampleScenario.EXFILTRATION_SOURCE)) {
                for (int hour = 0; hour < 24; hour++) {
                    long start = dayStart + hour * 3600L + r.nextInt(3_000);
                    rows.addAll(FlowRows.connection(vpc, account.id(), End.of(eni), End.of(pick(r,
                            SampleEstate.AWS_SERVICE_IPS_TOKYO.subList(0, 2))), null,
                            new Traffic(FlowRows.TCP, FlowRows.ephemeralPort(r), 443, 40 + r.nextInt(4_000),
                                    20_000 + r.nextInt(6_000_000), 30 + r.nextInt(500), 8_000 + r.nextInt(60_000),
                                    true), start, r));
                }
            }
            if (eni.kind() == InterfaceKind.DB && account.slug().equals("receipt")
                    && vpc.region().equals(SampleEstate.TOKYO)) {
                double[] business = DayShape.BUSINESS.weights(day, estate.calendar());
                for (int hour = 0; hour < 24; hour++) {
                    if (business[hour * 4] < 0.5 && business[hour * 4 + 3] < 0.5) {
                        continue;
                    }
                    int rejects = RandomText.weighted(r, new double[] {0.3, 0.45, 0.25});
                    for (int i = 0; i < rejects; i++) {
                        rows.addAll(FlowRows.connection(vpc, account.id(), End.of(SampleScenario.MISCONFIGURED_HOST),
                                End.of(eni), null, new Traffic(FlowRows.TCP, FlowRows.ephemeralPort(r),
                                        account.dbPort(), 1 + r.nextInt(2), 60, 0, 0, false),
                                dayStart + hour * 3600L + r.nextInt(3_600), r));
                    }
                }
            }
        }
    }

    /** NODATA for interfaces that see nothing in a capture window (SKIPDATA is planned by the scenario). */
    private void idleAndSkipped(Account account, Vpc vpc, LocalDate day, double target, SplittableRandom r,
            List<FlowRow> rows) {
        long dayStart = day.toEpochDay() * 86_400L;
        List<NetworkInterface> idle = vpc.interfaces().stream().filter(i -> i.kind() == InterfaceKind.STANDBY
                || i.kind() == InterfaceKind.REPLICA || (i.kind() == InterfaceKind.RESOLVER
                        && !vpc.region().equals(SampleEstate.TOKYO))).toList();
        int nodata = RandomText.count(r, idle.isEmpty() ? target * 0.003 : target * 0.2);
        List<NetworkInterface> candidates = idle.isEmpty() ? vpc.interfaces() : idle;
        for (int i = 0; i < nodata; i++) {
            long window = dayStart + 600L * r.nextInt(144);
            rows.add(FlowRow.status(vpc, pick(r, candidates), account.id(), window + r.nextInt(30),
                    window + 570 + r.nextInt(30), "NODATA"));
        }
    }

    private static <T> T pick(SplittableRandom r, List<T> items) {
        return RandomText.pick(r, items);
    }
}
