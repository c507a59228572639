package jp.govcloudops.detect.security;

import java.util.List;

import jp.govcloudops.aggregate.AnalyzerFactory;
import jp.govcloudops.aggregate.ObjectAnalyzer;
import jp.govcloudops.format.finding.ServiceFinding;
import jp.govcloudops.source.LogPartition;
import org.springframework.stereotype.Component;

/**
 * What the security services' findings need from every object: each delivery, stored with it. Kept whether or not
 * detection runs, since they are the services' own alerts.
 */
@Component
public class SecurityServiceAnalyzers implements AnalyzerFactory {

    @Override
    public List<ObjectAnalyzer<ServiceFinding>> serviceFindings(LogPartition partition) {
        return List.of(ServiceFindingRows.collector());
    }
}
