package jp.govcloudops.detect.flow.dns;

import jp.govcloudops.aggregate.Boundary;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.flow.ClassifiedFlow;
import jp.govcloudops.detect.flow.PortFlags;
import jp.govcloudops.detect.flow.PortTrafficSummary;
import jp.govcloudops.format.CidrTable;
import jp.govcloudops.format.flowlog.FlowRecord;

/**
 * Per object: ACCEPTed DNS traffic from the estate to internet resolvers other than the approved ones (table
 * det_flow_dns).
 */
public final class DnsResolverSummary extends PortTrafficSummary {

    public static final String TABLE = "det_flow_dns";

    private final PortFlags dnsPorts;
    private final CidrTable<Boolean> approvedResolvers;

    /** {@code approvedResolvers}: the internet resolvers of {@code dns-approved-resolvers} (value TRUE). */
    public DnsResolverSummary(DetectionProperties.Flow settings, CidrTable<Boolean> approvedResolvers) {
        this(settings, new PortFlags(settings.dnsPorts()), approvedResolvers);
    }

    /** {@code dnsPorts}: {@code dns-ports}, built once for all objects. */
    public DnsResolverSummary(DetectionProperties.Flow settings, PortFlags dnsPorts,
            CidrTable<Boolean> approvedResolvers) {
        super(TABLE, "src_boundary", settings.maxDnsRowsPerObject());
        this.dnsPorts = dnsPorts;
        this.approvedResolvers = approvedResolvers;
    }

    @Override
    protected boolean picks(ClassifiedFlow flow) {
        return flow.accepted() && flow.tcpOrUdp() && flow.internalSource() && flow.dst() == Boundary.INTERNET
                && dnsPorts.contains(flow.dstPort()) && !isApprovedResolver(flow.record());
    }

    @Override
    protected Boundary boundary(ClassifiedFlow flow) {
        return flow.src();
    }

    private boolean isApprovedResolver(FlowRecord r) {
        if (r.dstIsV4()) {
            return approvedResolvers.ofV4(r.dstAddrV4()) != null;
        }
        byte[] address = r.dstAddrBytes();
        return address != null && approvedResolvers.of(address) != null;
    }
}
