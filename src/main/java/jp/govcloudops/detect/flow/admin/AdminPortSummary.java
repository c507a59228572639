package jp.govcloudops.detect.flow.admin;

import jp.govcloudops.aggregate.Boundary;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.flow.ClassifiedFlow;
import jp.govcloudops.detect.flow.PortTrafficSummary;

/** Per object: ACCEPTed TCP traffic from the internet to an admin port of the estate (table det_flow_admin). */
public final class AdminPortSummary extends PortTrafficSummary {

    public static final String TABLE = "det_flow_admin";

    private final boolean[] adminPort = new boolean[65536];

    public AdminPortSummary(DetectionProperties.Flow settings) {
        super(TABLE, "dst_boundary", settings.maxAdminRowsPerObject());
        settings.adminPorts().forEach(p -> adminPort[p & 0xffff] = true);
    }

    @Override
    protected boolean picks(ClassifiedFlow flow) {
        return flow.accepted() && flow.protocol() == ClassifiedFlow.TCP && flow.src() == Boundary.INTERNET
                && flow.dst() != Boundary.INTERNET && flow.dstPortInRange() && adminPort[(int) flow.dstPort()];
    }

    @Override
    protected Boundary boundary(ClassifiedFlow flow) {
        return flow.dst();
    }
}
