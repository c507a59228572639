package jp.govcloudops.detect.flow.dns;

import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.Texts;
import jp.govcloudops.detect.flow.FlowSummary;
import jp.govcloudops.detect.flow.PortFlags;
import jp.govcloudops.detect.flow.PortTrafficDetector;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import jp.govcloudops.format.CidrTable;
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

    private final DetectionProperties.Flow settings;
    private final PortFlags dnsPorts;
    private final CidrTable<Boolean> approvedResolvers;

    public DnsResolverDetector(JdbcTemplate jdbc, RuleCatalog catalog, DetectionProperties properties) {
        super(jdbc, catalog, RULE, DnsResolverSummary.TABLE, "src_boundary");
        this.settings = properties.flow();
        this.dnsPorts = new PortFlags(settings.dnsPorts());
        // Parsed here, at start-up: a text that is not a CIDR stops the application with the text.
        this.approvedResolvers = CidrTable.<Boolean>builder().add(settings.dnsApprovedResolvers(), Boolean.TRUE)
                .build();
    }

    @Override
    public FlowSummary newSummary() {
        return new DnsResolverSummary(settings, dnsPorts, approvedResolvers);
    }

    @Override
    protected Finding finding(Rule rule, Traffic t) {
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
