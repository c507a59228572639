package jp.govcloudops.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jp.govcloudops.sample.SampleEstate.NetworkInterface;
import jp.govcloudops.sample.SampleEstate.Vpc;

/**
 * Builds the flow-log records a connection leaves on the interfaces that see it: the request direction and, when
 * accepted, the response direction, on each logged end. Background traffic and planted incidents share it.
 */
final class FlowRows {

    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMP = 1;

    private FlowRows() {
    }

    /** One end of a connection: an interface of the VPC (logged) or just an address. */
    record End(String address, NetworkInterface eni) {
        static End of(NetworkInterface eni) {
            return new End(eni.privateIp(), eni);
        }

        static End of(String address) {
            return new End(address, null);
        }
    }

    /** What happened on the connection. */
    record Traffic(int protocol, int srcPort, int dstPort, long requestPackets, long requestBytes,
            long responsePackets, long responseBytes, boolean accepted) {
    }

    /**
     * The records of one connection from {@code client} to {@code server} in {@code vpc}, starting at {@code start}.
     * {@code via} is an interface the traffic crosses on its way (a NAT gateway or transit attachment), or null.
     */
    static List<FlowRow> connection(Vpc vpc, String accountId, End client, End server, NetworkInterface via,
            Traffic t, long start, SplittableRandom random) {
        long end = start + 1 + random.nextInt(Math.max(1, 598 - (int) Math.floorMod(start, 600)));
        List<FlowRow> rows = new ArrayList<>(4);
        if (server.eni() != null) {
            rows.add(row(vpc, server.eni(), accountId, client.address(), server.address(), t, true, start, end, "ingress"));
            if (t.accepted()) {
                rows.add(row(vpc, server.eni(), accountId, server.address(), client.address(), t, false, start, end, "egress"));
            }
        }
        if (client.eni() != null && t.accepted()) {
            rows.add(row(vpc, client.eni(), accountId, client.address(), server.address(), t, true, start, end, "egress"));
            rows.add(row(vpc, client.eni(), accountId, server.address(), client.address(), t, false, start, end, "ingress"));
        }
        if (via != null && t.accepted()) {
            // The NAT gateway's interface shows its own address, the packet addresses show the real endpoints.
            FlowRow out = row(vpc, via, accountId, via.privateIp(), server.address(), t, true, start, end, "egress");
            out.pktSrcaddr = client.address();
            rows.add(out);
            FlowRow back = row(vpc, via, accountId, server.address(), via.privateIp(), t, false, start, end, "ingress");
            back.pktDstaddr = client.address();
            rows.add(back);
        }
        return rows;
    }

    private static FlowRow row(Vpc vpc, NetworkInterface eni, String accountId, String src, String dst, Traffic t,
            boolean request, long start, long end, String direction) {
        FlowRow row = new FlowRow(vpc, eni, accountId, start, end);
        row.srcaddr = src;
        row.dstaddr = dst;
        row.pktSrcaddr = src;
        row.pktDstaddr = dst;
        row.protocol = t.protocol();
        if (t.protocol() != ICMP) {
            row.srcport = request ? t.srcPort() : t.dstPort();
            row.dstport = request ? t.dstPort() : t.srcPort();
        } else {
            row.srcport = 0;
            row.dstport = 0;
        }
        row.packets = request ? t.requestPackets() : t.responsePackets();
        row.bytes = request ? t.requestBytes() : t.responseBytes();
        row.action = t.accepted() ? "ACCEPT" : "REJECT";
        row.tcpFlags = t.protocol() != TCP ? 0 : !t.accepted() ? 2 : request ? 3 : 19;
        row.flowDirection = direction;
        if (direction.equals("egress")) {
            row.trafficPath = trafficPath(dst);
        }
        row.pktSrcAwsService = awsService(src);
        row.pktDstAwsService = awsService(dst);
        return row;
    }

    /** The egress path: through an internet gateway (8) for internet addresses, unknown for private ones. */
    private static Integer trafficPath(String dst) {
        return dst.startsWith("10.") ? null : 8;
    }

    private static String awsService(String address) {
        if (SampleEstate.AWS_SERVICE_IPS_TOKYO.contains(address) || SampleEstate.AWS_SERVICE_IPS_OSAKA.contains(address)
                || SampleEstate.AWS_SERVICE_IPV6.contains(address)) {
            return address.startsWith("52.219") || address.startsWith("3.5") || address.indexOf(':') >= 0
                    ? "S3" : "AMAZON";
        }
        return null;
    }

    static int ephemeralPort(SplittableRandom random) {
        return 32768 + random.nextInt(28232);
    }
}
