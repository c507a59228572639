package jp.govcloudops.detect.flow;

import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.Texts;
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

    public AdminPortDetector(JdbcTemplate jdbc, RuleCatalog catalog) {
        super(jdbc, catalog, RULE, "det_flow_admin", "dst_boundary");
    }

    @Override
    Finding finding(Rule rule, Traffic t) {
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
