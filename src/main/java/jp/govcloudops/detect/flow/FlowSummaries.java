package jp.govcloudops.detect.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jp.govcloudops.aggregate.Boundary;
import jp.govcloudops.aggregate.NetworkBoundaries;
import jp.govcloudops.aggregate.ObjectAnalyzer;
import jp.govcloudops.aggregate.ObjectContribution;
import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.format.CidrTable;
import jp.govcloudops.format.flowlog.FlowRecord;

/**
 * The per-object flow summaries the network detections are computed from (tables det_flow_*): ports per
 * (source, destination, hour) for scans, REJECTs per source and hour, bytes from internal sources to the internet
 * per hour, ACCEPTed admin-port traffic from the internet, ACCEPTed DNS traffic from the estate to internet resolvers
 * other than the approved ones, and the external destinations of each interface.
 * Every summary is capped per object (see {@link DetectionProperties.Flow}); lookups use a reused probe key.
 */
public final class FlowSummaries implements ObjectAnalyzer<FlowRecord> {

    private static final int TCP = 6;
    private static final int UDP = 17;

    private final NetworkBoundaries boundaries;
    private final DetectionProperties.Flow settings;
    private final boolean[] adminPort = new boolean[65536];
    private final boolean[] scanIgnored = new boolean[65536];
    private final FlowKey probe = new FlowKey();

    private final Map<FlowKey, Scan> scans = new HashMap<>();
    private final Map<FlowKey, Reject> rejects = new HashMap<>();
    private final Map<FlowKey, long[]> egressPairs = new HashMap<>();
    private final Map<FlowKey, PortTraffic> admin = new HashMap<>();
    private final boolean[] dnsPort = new boolean[65536];
    private final CidrTable<Boolean> approvedResolvers;
    private final Map<FlowKey, PortTraffic> dns = new HashMap<>();
    private final Map<FlowKey, Destination> destinations = new HashMap<>();

    /** {@code approvedResolvers}: the internet resolvers of {@code dns-approved-resolvers} (value TRUE). */
    public FlowSummaries(NetworkBoundaries boundaries, DetectionProperties.Flow settings,
            CidrTable<Boolean> approvedResolvers) {
        this.boundaries = boundaries;
        this.settings = settings;
        this.approvedResolvers = approvedResolvers;
        settings.adminPorts().forEach(p -> adminPort[p & 0xffff] = true);
        settings.scanIgnoredPorts().forEach(p -> scanIgnored[p & 0xffff] = true);
        settings.dnsPorts().forEach(p -> dnsPort[p & 0xffff] = true);
    }

    @Override
    public void accept(FlowRecord r) {
        if (r.logStatus() != null && !r.logStatus().equals("OK")) {
            return; // NODATA / SKIPDATA rows carry no traffic (SKIPDATA is reported from flow_hourly)
        }
        if (r.start() == FlowRecord.ABSENT) {
            return;
        }
        long hour = Math.floorDiv(r.start(), 3600);
        Boundary src = r.srcIsV4() ? boundaries.ofV4(r.srcAddrV4()) : boundaries.of(r.srcAddrBytes());
        Boundary dst = r.dstIsV4() ? boundaries.ofV4(r.dstAddrV4()) : boundaries.of(r.dstAddrBytes());
        boolean accepted = "ACCEPT".equals(r.action());
        boolean rejected = "REJECT".equals(r.action());
        long protocol = r.protocol();
        long dstPort = r.dstPort();
        boolean tcpUdp = protocol == TCP || protocol == UDP;
        boolean servicePort = dstPort >= 1 && dstPort <= settings.scanMaxPort();
        long bytes = Math.max(0, r.bytes());
        long packets = Math.max(0, r.packets());

        if (tcpUdp && servicePort && !scanIgnored[(int) dstPort]) {
            probe.clear(hour).src(r).dst(r).seal();
            Scan scan = scans.get(probe);
            if (scan == null) {
                scan = new Scan(src, dst, r.interfaceId());
                scans.put(probe.copy(), scan);
            }
            scan.ports.add((int) dstPort);
            scan.flows++;
            if (rejected) {
                scan.rejected++;
            }
        }
        if (rejected) {
            probe.clear(hour).src(r).seal();
            Reject reject = rejects.get(probe);
            if (reject == null) {
                reject = new Reject(src);
                rejects.put(probe.copy(), reject);
            }
            reject.count++;
            if (dstPort >= 0 && reject.ports.size() < 8) {
                reject.ports.add((int) dstPort);
            }
        }
        boolean internalSource = isInternal(src);
        if (accepted && internalSource && dst == Boundary.INTERNET) {
            probe.clear(hour).src(r).dst(r).text(r.interfaceId()).seal();
            long[] sums = egressPairs.get(probe);
            if (sums == null) {
                sums = new long[4];
                sums[3] = src.ordinal();
                egressPairs.put(probe.copy(), sums);
            }
            sums[0]++;
            sums[1] += packets;
            sums[2] += bytes;
            if (servicePort && r.interfaceId() != null) {
                probe.clear(0).dstNetwork(r).port((int) dstPort).text(r.interfaceId()).seal();
                Destination d = destinations.get(probe);
                if (d == null) {
                    d = new Destination(hour, r.dstAddr());
                    destinations.put(probe.copy(), d);
                }
                d.firstHour = Math.min(d.firstHour, hour);
                d.flows++;
                d.bytes += bytes;
            }
        }
        if (accepted && protocol == TCP && src == Boundary.INTERNET && dst != Boundary.INTERNET && dstPort >= 0
                && dstPort < 65536 && adminPort[(int) dstPort]) {
            add(admin, hour, r, (int) dstPort, dst, packets, bytes);
        }
        if (accepted && tcpUdp && internalSource && dst == Boundary.INTERNET && dstPort >= 0 && dstPort < 65536
                && dnsPort[(int) dstPort] && !isApprovedResolver(r)) {
            add(dns, hour, r, (int) dstPort, src, packets, bytes);
        }
    }

    private void add(Map<FlowKey, PortTraffic> traffic, long hour, FlowRecord r, int dstPort, Boundary boundary,
            long packets, long bytes) {
        probe.clear(hour).src(r).dst(r).port(dstPort).text(r.interfaceId()).seal();
        PortTraffic t = traffic.get(probe);
        if (t == null) {
            t = new PortTraffic(boundary, r.start());
            traffic.put(probe.copy(), t);
        }
        t.firstStart = Math.min(t.firstStart, r.start());
        t.flows++;
        t.packets += packets;
        t.bytes += bytes;
    }

    private boolean isApprovedResolver(FlowRecord r) {
        if (r.dstIsV4()) {
            return approvedResolvers.ofV4(r.dstAddrV4()) != null;
        }
        byte[] address = r.dstAddrBytes();
        return address != null && approvedResolvers.of(address) != null;
    }

    static boolean isInternal(Boundary b) {
        return b == Boundary.VPC || b == Boundary.LGCS || b == Boundary.ASP || b == Boundary.PRIVATE;
    }

    @Override
    public List<ObjectContribution> contributions() {
        return List.of(scanRows(), rejectRows(), egressRows(),
                portRows("det_flow_admin", "dst_boundary", admin, settings.maxAdminRowsPerObject()),
                portRows("det_flow_dns", "src_boundary", dns, settings.maxDnsRowsPerObject()), destinationRows());
    }

    private ObjectContribution scanRows() {
        List<Object[]> rows = new ArrayList<>();
        scans.entrySet().stream()
                .filter(e -> e.getValue().ports.size() >= settings.scanMinPortsPerObject())
                .sorted(Comparator.comparingInt((Map.Entry<FlowKey, Scan> e) -> e.getValue().ports.size()).reversed())
                .limit(settings.maxScanPairsPerObject())
                .forEach(e -> {
                    FlowKey k = e.getKey();
                    Scan s = e.getValue();
                    rows.add(new Object[] {UtcTime.ofEpochHour(k.hour), k.a(), k.b(), s.src.name(), s.dst.name(),
                            s.interfaceId, s.ports.size(), s.ports.list(64), s.flows, s.rejected});
                });
        return new Rows("det_flow_scan", List.of("event_hour", "src_addr", "dst_addr", "src_boundary",
                "dst_boundary", "interface_id", "distinct_ports", "dst_ports", "flows", "rejected"), rows);
    }

    private ObjectContribution rejectRows() {
        List<Map.Entry<FlowKey, Reject>> sorted = rejects.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<FlowKey, Reject> e) -> e.getValue().count).reversed())
                .toList();
        List<Object[]> rows = new ArrayList<>();
        Map<Long, long[]> others = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            FlowKey k = sorted.get(i).getKey();
            Reject r = sorted.get(i).getValue();
            if (i < settings.maxRejectSourcesPerObject()) {
                rows.add(new Object[] {UtcTime.ofEpochHour(k.hour), k.a(), r.src.name(), r.count, r.ports.list(8)});
            } else {
                others.computeIfAbsent(k.hour, h -> new long[1])[0] += r.count;
            }
        }
        others.forEach((hour, count) -> rows.add(new Object[] {UtcTime.ofEpochHour(hour), "*", Boundary.UNKNOWN.name(),
                count[0], null}));
        return new Rows("det_flow_reject", List.of("event_hour", "src_addr", "src_boundary", "rejects", "dst_ports"),
                rows);
    }

    private ObjectContribution egressRows() {
        // Per (hour, source): totals over destinations, and the destination that took the most bytes.
        Map<FlowKey, long[]> bySource = new HashMap<>();
        Map<FlowKey, String[]> labels = new HashMap<>();
        egressPairs.forEach((k, sums) -> {
            FlowKey source = new FlowKey().clear(k.hour);
            source.aV4 = k.aV4;
            source.a4 = k.a4;
            source.a6 = k.a6;
            source.seal();
            long[] total = bySource.computeIfAbsent(source, s -> new long[5]);
            total[0] += sums[0];
            total[1] += sums[1];
            total[2] += sums[2];
            total[4] = sums[3];
            if (sums[2] >= total[3]) {
                total[3] = sums[2];
                labels.put(source, new String[] {k.b(), k.text});
            }
        });
        List<Object[]> rows = new ArrayList<>();
        bySource.forEach((k, t) -> {
            String[] top = labels.get(k);
            rows.add(new Object[] {UtcTime.ofEpochHour(k.hour), k.a(), Boundary.values()[(int) t[4]].name(),
                    top == null ? null : top[1], t[0], t[1], t[2], top == null ? null : top[0], t[3]});
        });
        return new Rows("det_flow_egress", List.of("event_hour", "src_addr", "src_boundary", "interface_id", "flows",
                "packets", "bytes", "top_dst_addr", "top_dst_bytes"), rows);
    }

    /** Rows of (hour, source, destination, port) traffic, most flows first, the boundary in {@code boundaryColumn}. */
    private static ObjectContribution portRows(String table, String boundaryColumn, Map<FlowKey, PortTraffic> traffic,
            int limit) {
        List<Object[]> rows = new ArrayList<>();
        traffic.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<FlowKey, PortTraffic> e) -> e.getValue().flows).reversed())
                .limit(limit)
                .forEach(e -> {
                    FlowKey k = e.getKey();
                    PortTraffic t = e.getValue();
                    rows.add(new Object[] {UtcTime.ofEpochHour(k.hour), UtcTime.ofEpochSecond(t.firstStart), k.a(),
                            k.b(), k.port, t.boundary.name(), k.text, t.flows, t.packets, t.bytes});
                });
        return new Rows(table, List.of("event_hour", "first_start", "src_addr", "dst_addr", "dst_port",
                boundaryColumn, "interface_id", "flows", "packets", "bytes"), rows);
    }

    private ObjectContribution destinationRows() {
        List<Object[]> rows = new ArrayList<>();
        destinations.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<FlowKey, Destination> e) -> e.getValue().bytes).reversed())
                .limit(settings.maxDestinationsPerObject())
                .forEach(e -> {
                    FlowKey k = e.getKey();
                    Destination d = e.getValue();
                    rows.add(new Object[] {UtcTime.ofEpochHour(d.firstHour), k.text, k.bNetwork(), k.port,
                            d.sampleAddress, d.flows, d.bytes});
                });
        return new Rows("det_flow_dest", List.of("event_hour", "interface_id", "dst_net", "dst_port", "dst_addr",
                "flows", "bytes"), rows);
    }

    private static final class Scan {
        final Boundary src;
        final Boundary dst;
        final String interfaceId;
        final PortSet ports = new PortSet();
        long flows;
        long rejected;

        Scan(Boundary src, Boundary dst, String interfaceId) {
            this.src = src;
            this.dst = dst;
            this.interfaceId = interfaceId;
        }
    }

    private static final class Reject {
        final Boundary src;
        final PortSet ports = new PortSet();
        long count;

        Reject(Boundary src) {
            this.src = src;
        }
    }

    /** Traffic of one (hour, source, destination, port), with the boundary of the side outside the internet. */
    private static final class PortTraffic {
        final Boundary boundary;
        long firstStart;
        long flows;
        long packets;
        long bytes;

        PortTraffic(Boundary boundary, long firstStart) {
            this.boundary = boundary;
            this.firstStart = firstStart;
        }
    }

    private static final class Destination {
        long firstHour;
        final String sampleAddress;
        long flows;
        long bytes;

        Destination(long firstHour, String sampleAddress) {
            this.firstHour = firstHour;
            this.sampleAddress = sampleAddress;
        }
    }

    private record Rows(String table, List<String> columns, List<Object[]> rows) implements ObjectContribution {
        @Override
        public void forEachRow(Consumer<Object[]> row) {
            rows.forEach(row);
        }

        @Override
        public int rowCount() {
            return rows.size();
        }
    }
}
