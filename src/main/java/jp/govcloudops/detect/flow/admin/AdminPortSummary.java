package jp.govcloudops.detect.flow.admin;

import jp.govcloudops.aggregate.Boundary;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.flow.ClassifiedFlow;
import jp.govcloudops.detect.flow.PortFlags;
import jp.govcloudops.detect.flow.PortTrafficSummary;

/** Per object: ACCEPTed TCP traffic from the internet to an admin port of the estate (table det_flow_admin). */
public final class AdminPortSummary extends PortTrafficSummary {

    public static final String TABLE = "det_flow_admin";

    private final PortFlags adminPorts;

    public AdminPortSummary(DetectionProperties.Flow settings) {
        this(settings, new PortFlags(settings.adminPorts()));
    }

    /** {@code adminPorts}: {@code admin-ports}, built once for all objects. */
    public AdminPortSummary(DetectionProperties.Flow settings, PortFlags adminPorts) {
        super(TABLE, "dst_boundary", settings.maxAdminRowsPerObject());
        this.adminPorts = adminPorts;
    }

    @Override
    protected boolean picks(ClassifiedFlow flow) {
        return flow.accepted() && flow.protocol() == ClassifiedFlow.TCP && flow.src() == Boundary.INTERNET
                && flow.dst() != Boundary.INTERNET && adminPorts.contains(flow.dstPort());
    }

    @Override
    protected Boundary boundary(ClassifiedFlow flow) {
        return flow.dst();
    }
}
