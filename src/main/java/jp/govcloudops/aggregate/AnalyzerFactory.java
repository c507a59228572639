package jp.govcloudops.aggregate;

import java.util.List;

import jp.govcloudops.format.cloudtrail.CloudTrailEvent;
import jp.govcloudops.format.config.ConfigChange;
import jp.govcloudops.format.finding.ServiceFinding;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.source.LogPartition;

/**
 * Supplies the analyzers each object of a partition runs through. Every bean of this type takes part, so a new
 * stage (a detection, say) plugs in without touching ingestion.
 */
public interface AnalyzerFactory {

    default List<ObjectAnalyzer<CloudTrailEvent>> cloudTrail(LogPartition partition) {
        return List.of();
    }

    default List<ObjectAnalyzer<CloudTrailEvent>> cloudTrailInsight(LogPartition partition) {
        return List.of();
    }

    default List<ObjectAnalyzer<FlowRecord>> flow(LogPartition partition) {
        return List.of();
    }

    /** GuardDuty and Security Hub findings. */
    default List<ObjectAnalyzer<ServiceFinding>> serviceFindings(LogPartition partition) {
        return List.of();
    }

    default List<ObjectAnalyzer<ConfigChange>> configChanges(LogPartition partition) {
        return List.of();
    }
}
