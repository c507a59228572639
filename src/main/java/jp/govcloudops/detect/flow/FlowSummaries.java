package jp.govcloudops.detect.flow;

import java.util.List;

import jp.govcloudops.aggregate.Boundary;
import jp.govcloudops.aggregate.NetworkBoundaries;
import jp.govcloudops.aggregate.ObjectAnalyzer;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.store.ObjectContribution;

/**
 * The per-object flow summaries the network detections are computed from (tables det_flow_*, one per detection,
 * see {@link FlowSummaryTable}): classifies each traffic record once and hands it to every summary.
 */
public final class FlowSummaries implements ObjectAnalyzer<FlowRecord> {

    private final NetworkBoundaries boundaries;
    private final FlowSummary[] summaries;
    private final ClassifiedFlow flow = new ClassifiedFlow();

    public FlowSummaries(NetworkBoundaries boundaries, List<FlowSummary> summaries) {
        this.boundaries = boundaries;
        this.summaries = summaries.toArray(new FlowSummary[0]);
    }

    @Override
    public void accept(FlowRecord r) {
        if (r.logStatus() != null && !r.logStatus().equals("OK")) {
            return; // NODATA / SKIPDATA rows carry no traffic (SKIPDATA is reported from flow_hourly)
        }
        if (r.start() == FlowRecord.ABSENT) {
            return;
        }
        Boundary src = r.srcIsV4() ? boundaries.ofV4(r.srcAddrV4()) : boundaries.of(r.srcAddrBytes());
        Boundary dst = r.dstIsV4() ? boundaries.ofV4(r.dstAddrV4()) : boundaries.of(r.dstAddrBytes());
        flow.set(r, Math.floorDiv(r.start(), 3600), src, dst);
        for (FlowSummary summary : summaries) {
            summary.accept(flow);
        }
    }

    @Override
    public List<ObjectContribution> contributions() {
        ObjectContribution[] rows = new ObjectContribution[summaries.length];
        for (int i = 0; i < summaries.length; i++) {
            rows[i] = summaries[i].rows();
        }
        return List.of(rows);
    }
}
