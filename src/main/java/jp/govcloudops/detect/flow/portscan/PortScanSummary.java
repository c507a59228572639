package jp.govcloudops.detect.flow.portscan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.aggregate.Boundary;
import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.flow.ClassifiedFlow;
import jp.govcloudops.detect.flow.FlowKey;
import jp.govcloudops.detect.flow.FlowSummary;
import jp.govcloudops.detect.flow.PortFlags;
import jp.govcloudops.detect.flow.PortSet;
import jp.govcloudops.detect.flow.SummaryRows;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.store.ObjectContribution;

/**
 * Per object: the distinct service ports each (source, destination, hour) pair reached over TCP or UDP (table
 * det_flow_scan); pairs with at least {@code scan-min-ports-per-object} ports, the most ports first, capped.
 */
public final class PortScanSummary implements FlowSummary {

    public static final String TABLE = "det_flow_scan";

    private final DetectionProperties.Flow settings;
    private final PortFlags ignored;
    private final FlowKey probe = new FlowKey();
    private final Map<FlowKey, Scan> scans = new HashMap<>();

    public PortScanSummary(DetectionProperties.Flow settings) {
        this(settings, new PortFlags(settings.scanIgnoredPorts()));
    }

    /** {@code ignored}: {@code scan-ignored-ports}, built once for all objects. */
    public PortScanSummary(DetectionProperties.Flow settings, PortFlags ignored) {
        this.settings = settings;
        this.ignored = ignored;
    }

    @Override
    public void accept(ClassifiedFlow flow) {
        long dstPort = flow.dstPort();
        if (!flow.tcpOrUdp() || dstPort < 1 || dstPort > settings.scanMaxPort() || ignored.contains(dstPort)) {
            return;
        }
        FlowRecord r = flow.record();
        probe.clear(flow.hour()).src(r).dst(r).seal();
        Scan scan = scans.get(probe);
        if (scan == null) {
            scan = new Scan(flow.src(), flow.dst(), r.interfaceId());
            scans.put(probe.copy(), scan);
        }
        scan.ports.add((int) dstPort);
        scan.flows++;
        if (flow.rejected()) {
            scan.rejected++;
        }
    }

    @Override
    public ObjectContribution rows() {
        List<Object[]> rows = new ArrayList<>();
        scans.entrySet().stream()
                .filter(e -> e.getValue().ports.size() >= settings.scanMinPortsPerObject())
                .sorted(Comparator.comparingInt((Map.Entry<FlowKey, Scan> e) -> e.getValue().ports.size()).reversed())
                .limit(settings.maxScanPairsPerObject())
                .forEach(e -> {
                    FlowKey k = e.getKey();
                    Scan s = e.getValue();
                    rows.add(new Object[] {UtcTime.ofEpochHour(k.hour()), k.a(), k.b(), s.src.name(), s.dst.name(),
                            s.interfaceId, s.ports.size(), s.ports.list(64), s.flows, s.rejected});
                });
        return new SummaryRows(TABLE, List.of("event_hour", "src_addr", "dst_addr", "src_boundary",
                "dst_boundary", "interface_id", "distinct_ports", "dst_ports", "flows", "rejected"), rows);
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
}
