package jp.govcloudops.detect.flow.firstseen;

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
import jp.govcloudops.detect.flow.SummaryRows;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.store.ObjectContribution;

/**
 * Per object: the external destinations (network and service port) each interface of the estate reached, with the
 * first hour (table det_flow_dest); the most bytes first, capped.
 */
public final class DestinationSummary implements FlowSummary {

    public static final String TABLE = "det_flow_dest";

    private final DetectionProperties.Flow settings;
    private final FlowKey probe = new FlowKey();
    private final Map<FlowKey, Destination> destinations = new HashMap<>();

    public DestinationSummary(DetectionProperties.Flow settings) {
        this.settings = settings;
    }

    @Override
    public void accept(ClassifiedFlow flow) {
        long dstPort = flow.dstPort();
        FlowRecord r = flow.record();
        if (!flow.accepted() || !flow.internalSource() || flow.dst() != Boundary.INTERNET || dstPort < 1
                || dstPort > settings.scanMaxPort() || r.interfaceId() == null) {
            return;
        }
        probe.clear(0).dstNetwork(r).port((int) dstPort).text(r.interfaceId()).seal();
        Destination d = destinations.get(probe);
        if (d == null) {
            d = new Destination(flow.hour(), r.dstAddr());
            destinations.put(probe.copy(), d);
        }
        d.firstHour = Math.min(d.firstHour, flow.hour());
        d.flows++;
        d.bytes += flow.bytes();
    }

    @Override
    public ObjectContribution rows() {
        List<Object[]> rows = new ArrayList<>();
        destinations.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<FlowKey, Destination> e) -> e.getValue().bytes).reversed())
                .limit(settings.maxDestinationsPerObject())
                .forEach(e -> {
                    FlowKey k = e.getKey();
                    Destination d = e.getValue();
                    rows.add(new Object[] {UtcTime.ofEpochHour(d.firstHour), k.text(), k.bNetwork(), k.port(),
                            d.sampleAddress, d.flows, d.bytes});
                });
        return new SummaryRows(TABLE, List.of("event_hour", "interface_id", "dst_net", "dst_port", "dst_addr",
                "flows", "bytes"), rows);
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
}
