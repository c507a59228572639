package jp.govcloudops.detect.flow;

import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.Texts;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * DNS sent from the estate straight to an internet resolver (UDP/TCP 53, DNS over TLS 853), past the VPC's and the
 * on-premises resolvers: the ACCEPTed flows of {@code det_flow_dns}, resolvers in {@code dns-approved-resolvers}
 * already left out at ingestion. One finding per account, source, resolver, port and day.
 */
@Component
public class DnsResolverDetector extends PortTrafficDetector {

    public static final String RULE = "flow-dns-external-resolver";

    public DnsResolverDetector(JdbcTemplate jdbc, RuleCatalog catalog) {
        super(jdbc, catalog, RULE, "det_flow_dns", "src_boundary");
    }

    @Override
    Finding finding(Rule rule, Traffic t) {
        String boundary = boundaryLabel(t.boundary) + " → インターネット";
        String protocol = t.port == 853 ? "DNS over TLS" : "DNS";
        return draft(rule, t)
                .boundary(boundary)
                .eventNames(protocol + " " + t.src + " → " + t.dst + ":" + t.port)
                .summary(boundaryLabel(t.boundary) + " の " + t.src + " がインターネット上のリゾルバ " + t.dst + ":"
                        + t.port + " へ " + protocol + " 通信 " + t.flows + " 件、" + Texts.bytes(t.bytes) + "（最初 "
                        + FindingMails.jst(t.first) + "）")
                .evidence(evidence(t, "resolver", boundary).toString())
                .build();
    }
}
