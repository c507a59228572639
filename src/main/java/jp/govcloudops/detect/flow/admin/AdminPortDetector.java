package jp.govcloudops.detect.flow.admin;

import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.Texts;
import jp.govcloudops.detect.flow.FlowSummary;
import jp.govcloudops.detect.flow.PortFlags;
import jp.govcloudops.detect.flow.PortTrafficDetector;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * ACCEPTed TCP traffic from internet addresses to an admin port (22, 3389 by default) of the estate. One finding
 * per account, source, destination, port and day.
 */
@Component
public class AdminPortDetector extends PortTrafficDetector {

    public static final String RULE = "flow-admin-port-from-internet";

    private final DetectionProperties.Flow settings;
    private final PortFlags adminPorts;

    public AdminPortDetector(JdbcTemplate jdbc, RuleCatalog catalog, DetectionProperties properties) {
        super(jdbc, catalog, RULE, AdminPortSummary.TABLE, "dst_boundary");
        this.settings = properties.flow();
        this.adminPorts = new PortFlags(settings.adminPorts());
    }

    @Override
    public FlowSummary newSummary() {
        return new AdminPortSummary(settings, adminPorts);
    }

    @Override
    protected Finding finding(Rule rule, Traffic t) {
        String boundary = "インターネット → " + boundaryLabel(t.boundary);
        return draft(rule, t)
                .boundary(boundary)
                .eventNames("ACCEPT " + t.src + " → " + t.dst + ":" + t.port)
                .summary("インターネットの " + t.src + " から " + t.dst + ":" + t.port + "（" + boundaryLabel(t.boundary)
                        + "）への通信が ACCEPT " + t.flows + " 件、" + Texts.bytes(t.bytes) + "（最初 "
                        + FindingMails.jst(t.first) + "）")
                .evidence(evidence(t, "dst_addr", boundary).toString())
                .build();
    }
}
