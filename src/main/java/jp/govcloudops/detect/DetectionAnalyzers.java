package jp.govcloudops.detect;

import java.util.List;

import jp.govcloudops.aggregate.AnalyzerFactory;
import jp.govcloudops.aggregate.ObjectAnalyzer;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.rule.CloudTrailRuleIndex;
import jp.govcloudops.detect.rule.RuleCatalog;
import jp.govcloudops.format.cloudtrail.CloudTrailEvent;
import jp.govcloudops.source.LogPartition;
import org.springframework.stereotype.Component;

/** What the CloudTrail detections need from every object, stored with it: the rule matches (flow: FlowAnalyzers). */
@Component
public class DetectionAnalyzers implements AnalyzerFactory {

    private final RuleCatalog rules;
    private final DetectionProperties properties;

    public DetectionAnalyzers(RuleCatalog rules, DetectionProperties properties) {
        this.rules = rules;
        this.properties = properties;
    }

    @Override
    public List<ObjectAnalyzer<CloudTrailEvent>> cloudTrail(LogPartition partition) {
        if (!properties.enabled()) {
            return List.of();
        }
        // The index keeps per-record state, so each object (each worker thread) gets its own.
        return List.of(new RuleMatchCollector(new CloudTrailRuleIndex(rules.cloudTrailRules()),
                properties.maxMatchesPerObject(), properties.rawRecordsPerObject(), properties.maxRawRecordChars()));
    }
}
