package jp.govcloudops.detect;

import java.util.List;

import jp.govcloudops.aggregate.AnalyzerFactory;
import jp.govcloudops.aggregate.NetworkBoundaries;
import jp.govcloudops.aggregate.ObjectAnalyzer;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.flow.FlowSummaries;
import jp.govcloudops.detect.rule.CloudTrailRuleIndex;
import jp.govcloudops.detect.rule.RuleCatalog;
import jp.govcloudops.detect.security.ServiceFindingRows;
import jp.govcloudops.format.CidrTable;
import jp.govcloudops.format.cloudtrail.CloudTrailEvent;
import jp.govcloudops.format.finding.ServiceFinding;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.source.LogPartition;
import org.springframework.stereotype.Component;

/** What detection needs from every object, stored with the object: rule matches and flow summaries. */
@Component
public class DetectionAnalyzers implements AnalyzerFactory {

    private final RuleCatalog rules;
    private final DetectionProperties properties;
    private final NetworkBoundaries boundaries;
    private final CidrTable<Boolean> approvedResolvers;

    public DetectionAnalyzers(RuleCatalog rules, DetectionProperties properties, NetworkBoundaries boundaries) {
        this.rules = rules;
        this.properties = properties;
        this.boundaries = boundaries;
        // Parsed here, at start-up: a text that is not a CIDR stops the application with the text.
        this.approvedResolvers = CidrTable.<Boolean>builder()
                .add(properties.flow().dnsApprovedResolvers(), Boolean.TRUE).build();
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

    /** Security-service findings are kept whether or not detection runs: they are the services' own alerts. */
    @Override
    public List<ObjectAnalyzer<ServiceFinding>> serviceFindings(LogPartition partition) {
        return List.of(ServiceFindingRows.collector());
    }

    @Override
    public List<ObjectAnalyzer<FlowRecord>> flow(LogPartition partition) {
        if (!properties.enabled()) {
            return List.of();
        }
        return List.of(new FlowSummaries(boundaries, properties.flow(), approvedResolvers));
    }
}
