package jp.govcloudops.detect.flow;

import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.DetectionInput;

/**
 * A flow detection's per-object table, registered by the detector that reads it: every bean of this type gets a
 * {@link FlowSummary} of each flow-log object at ingestion, and its table is pruned after
 * {@code govcloud.detection.flow-retention-days}.
 */
public interface FlowSummaryTable extends DetectionInput {

    /** A new, empty summary for one object. */
    FlowSummary newSummary();

    @Override
    default int retentionDays(DetectionProperties properties) {
        return properties.flowRetentionDays();
    }
}
