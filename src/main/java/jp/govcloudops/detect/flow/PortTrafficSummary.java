package jp.govcloudops.detect.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.aggregate.Boundary;
import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.store.ObjectContribution;

/**
 * Per object: the traffic of each (hour, source, destination, port, interface) a subclass picks, with the boundary
 * of the side that is not the internet; the most flows first, capped. {@link PortTrafficDetector} reads it.
 */
public abstract class PortTrafficSummary implements FlowSummary {

    private final String table;
    private final String boundaryColumn;
    private final int limit;
    private final FlowKey probe = new FlowKey();
    private final Map<FlowKey, PortTraffic> traffic = new HashMap<>();

    protected PortTrafficSummary(String table, String boundaryColumn, int limit) {
        this.table = table;
        this.boundaryColumn = boundaryColumn;
        this.limit = limit;
    }

    /** Whether the record is traffic of this table. */
    protected abstract boolean picks(ClassifiedFlow flow);

    /** The boundary of the side that is not the internet. */
    protected abstract Boundary boundary(ClassifiedFlow flow);

    @Override
    public final void accept(ClassifiedFlow flow) {
        if (!picks(flow)) {
            return;
        }
        FlowRecord r = flow.record();
        probe.clear(flow.hour()).src(r).dst(r).port((int) flow.dstPort()).text(r.interfaceId()).seal();
        PortTraffic t = traffic.get(probe);
        if (t == null) {
            t = new PortTraffic(boundary(flow), r.start());
            traffic.put(probe.copy(), t);
        }
        t.firstStart = Math.min(t.firstStart, r.start());
        t.flows++;
        t.packets += flow.packets();
        t.bytes += flow.bytes();
    }

    @Override
    public final ObjectContribution rows() {
        List<Object[]> rows = new ArrayList<>();
        traffic.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<FlowKey, PortTraffic> e) -> e.getValue().flows).reversed())
                .limit(limit)
                .forEach(e -> {
                    FlowKey k = e.getKey();
                    PortTraffic t = e.getValue();
                    rows.add(new Object[] {UtcTime.ofEpochHour(k.hour()), UtcTime.ofEpochSecond(t.firstStart), k.a(),
                            k.b(), k.port(), t.boundary.name(), k.text(), t.flows, t.packets, t.bytes});
                });
        return new SummaryRows(table, List.of("event_hour", "first_start", "src_addr", "dst_addr", "dst_port",
                boundaryColumn, "interface_id", "flows", "packets", "bytes"), rows);
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
}
