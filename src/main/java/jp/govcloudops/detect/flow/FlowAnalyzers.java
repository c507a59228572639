package jp.govcloudops.detect.flow;

import java.util.List;

import jp.govcloudops.aggregate.AnalyzerFactory;
import jp.govcloudops.aggregate.NetworkBoundaries;
import jp.govcloudops.aggregate.ObjectAnalyzer;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.source.LogPartition;
import org.springframework.stereotype.Component;

/** What the flow detections need from every flow-log object: the summary of each registered table. */
@Component
public class FlowAnalyzers implements AnalyzerFactory {

    private final List<FlowSummaryTable> tables;
    private final DetectionProperties properties;
    private final NetworkBoundaries boundaries;

    public FlowAnalyzers(List<FlowSummaryTable> tables, DetectionProperties properties, NetworkBoundaries boundaries) {
        this.tables = tables;
        this.properties = properties;
        this.boundaries = boundaries;
    }

    @Override
    public List<ObjectAnalyzer<FlowRecord>> flow(LogPartition partition) {
        if (!properties.enabled()) {
            return List.of();
        }
        return List.of(new FlowSummaries(boundaries, tables.stream().map(FlowSummaryTable::newSummary).toList()));
    }
}
