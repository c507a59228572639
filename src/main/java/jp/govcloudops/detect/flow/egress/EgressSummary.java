package jp.govcloudops.detect.flow.egress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.aggregate.Boundary;
import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.detect.flow.ClassifiedFlow;
import jp.govcloudops.detect.flow.FlowKey;
import jp.govcloudops.detect.flow.FlowSummary;
import jp.govcloudops.detect.flow.SummaryRows;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.store.ObjectContribution;

/**
 * Per object: ACCEPTed traffic from the estate to the internet per source and hour (table det_flow_egress), with the
 * destination that took the most bytes.
 */
public final class EgressSummary implements FlowSummary {

    public static final String TABLE = "det_flow_egress";

    private final FlowKey probe = new FlowKey();
    /** Per (hour, source, destination, interface): flows, packets, bytes, the source's boundary. */
    private final Map<FlowKey, long[]> pairs = new HashMap<>();

    @Override
    public void accept(ClassifiedFlow flow) {
        if (!flow.accepted() || !flow.internalSource() || flow.dst() != Boundary.INTERNET) {
            return;
        }
        FlowRecord r = flow.record();
        probe.clear(flow.hour()).src(r).dst(r).text(r.interfaceId()).seal();
        long[] sums = pairs.get(probe);
        if (sums == null) {
            sums = new long[4];
            sums[3] = flow.src().ordinal();
            pairs.put(probe.copy(), sums);
        }
        sums[0]++;
        sums[1] += flow.packets();
        sums[2] += flow.bytes();
    }

    @Override
    public ObjectContribution rows() {
        // Per (hour, source): totals over destinations, and the destination that took the most bytes.
        Map<FlowKey, long[]> bySource = new HashMap<>();
        Map<FlowKey, String[]> labels = new HashMap<>();
        pairs.forEach((k, sums) -> {
            FlowKey source = k.sourceKey();
            long[] total = bySource.computeIfAbsent(source, s -> new long[5]);
            total[0] += sums[0];
            total[1] += sums[1];
            total[2] += sums[2];
            total[4] = sums[3];
            if (sums[2] >= total[3]) {
                total[3] = sums[2];
                labels.put(source, new String[] {k.b(), k.text()});
            }
        });
        List<Object[]> rows = new ArrayList<>();
        bySource.forEach((k, t) -> {
            String[] top = labels.get(k);
            rows.add(new Object[] {UtcTime.ofEpochHour(k.hour()), k.a(), Boundary.values()[(int) t[4]].name(),
                    top == null ? null : top[1], t[0], t[1], t[2], top == null ? null : top[0], t[3]});
        });
        return new SummaryRows(TABLE, List.of("event_hour", "src_addr", "src_boundary", "interface_id", "flows",
                "packets", "bytes", "top_dst_addr", "top_dst_bytes"), rows);
    }
}
