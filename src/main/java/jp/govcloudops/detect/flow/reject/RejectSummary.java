package jp.govcloudops.detect.flow.reject;

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
import jp.govcloudops.detect.flow.PortSet;
import jp.govcloudops.detect.flow.SummaryRows;
import jp.govcloudops.store.ObjectContribution;

/**
 * Per object: REJECTs per source and hour (table det_flow_reject), the busiest {@code max-reject-sources-per-object}
 * sources one by one and the rest summed per hour under the source "*".
 */
public final class RejectSummary implements FlowSummary {

    public static final String TABLE = "det_flow_reject";

    private final DetectionProperties.Flow settings;
    private final FlowKey probe = new FlowKey();
    private final Map<FlowKey, Reject> rejects = new HashMap<>();

    public RejectSummary(DetectionProperties.Flow settings) {
        this.settings = settings;
    }

    @Override
    public void accept(ClassifiedFlow flow) {
        if (!flow.rejected()) {
            return;
        }
        probe.clear(flow.hour()).src(flow.record()).seal();
        Reject reject = rejects.get(probe);
        if (reject == null) {
            reject = new Reject(flow.src());
            rejects.put(probe.copy(), reject);
        }
        reject.count++;
        if (flow.dstPort() >= 0 && reject.ports.size() < 8) {
            reject.ports.add((int) flow.dstPort());
        }
    }

    @Override
    public ObjectContribution rows() {
        List<Map.Entry<FlowKey, Reject>> sorted = rejects.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<FlowKey, Reject> e) -> e.getValue().count).reversed())
                .toList();
        List<Object[]> rows = new ArrayList<>();
        Map<Long, long[]> others = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            FlowKey k = sorted.get(i).getKey();
            Reject r = sorted.get(i).getValue();
            if (i < settings.maxRejectSourcesPerObject()) {
                rows.add(new Object[] {UtcTime.ofEpochHour(k.hour()), k.a(), r.src.name(), r.count, r.ports.list(8)});
            } else {
                others.computeIfAbsent(k.hour(), h -> new long[1])[0] += r.count;
            }
        }
        others.forEach((hour, count) -> rows.add(new Object[] {UtcTime.ofEpochHour(hour), "*", Boundary.UNKNOWN.name(),
                count[0], null}));
        return new SummaryRows(TABLE, List.of("event_hour", "src_addr", "src_boundary", "rejects", "dst_ports"), rows);
    }

    private static final class Reject {
        final Boundary src;
        final PortSet ports = new PortSet();
        long count;

        Reject(Boundary src) {
            this.src = src;
        }
    }
}
