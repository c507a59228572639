package jp.govcloudops.aggregate;

import java.util.List;

import jp.govcloudops.format.cloudtrail.CloudTrailEvent;
import jp.govcloudops.format.config.ConfigChange;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.source.LogPartition;
import jp.govcloudops.store.ObjectContribution;
import org.springframework.stereotype.Component;

/**
 * The usage aggregates every object contributes: hourly CloudTrail counts, Insights events, flow sums, AWS Config's
 * configuration items.
 */
@Component
public class UsageAggregates implements AnalyzerFactory {

    private final NetworkBoundaries boundaries;

    public UsageAggregates(NetworkBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    @Override
    public List<ObjectAnalyzer<CloudTrailEvent>> cloudTrail(LogPartition partition) {
        CloudTrailHourly hourly = new CloudTrailHourly();
        return List.of(analyzer(hourly::add, hourly));
    }

    @Override
    public List<ObjectAnalyzer<CloudTrailEvent>> cloudTrailInsight(LogPartition partition) {
        CloudTrailInsights insights = new CloudTrailInsights();
        return List.of(analyzer(insights::add, insights));
    }

    @Override
    public List<ObjectAnalyzer<ConfigChange>> configChanges(LogPartition partition) {
        return List.of(new ConfigChangeRows());
    }

    @Override
    public List<ObjectAnalyzer<FlowRecord>> flow(LogPartition partition) {
        FlowHourly hourly = new FlowHourly(boundaries);
        return List.of(new ObjectAnalyzer<>() {
            @Override
            public void accept(FlowRecord record) {
                hourly.add(record);
            }

            @Override
            public List<ObjectContribution> contributions() {
                return List.of(hourly.interfaceRows(), hourly.boundaryRows());
            }
        });
    }

    private static <R> ObjectAnalyzer<R> analyzer(java.util.function.Consumer<R> add, ObjectContribution rows) {
        return new ObjectAnalyzer<>() {
            @Override
            public void accept(R record) {
                add.accept(record);
            }

            @Override
            public List<ObjectContribution> contributions() {
                return List.of(rows);
            }
        };
    }
}
