package jp.govcloudops.sample;

import java.util.List;
import java.util.function.Function;

import jp.govcloudops.sample.SampleEstate.FlowFormat;

/**
 * The flow-log fields the sample writes, with their header names, Parquet types and values. The generator has
 * its own list, apart from the parser's, so that reading the sample back really tests the parser.
 */
enum FlowLogFields {
    VERSION("version", Kind.INT, r -> null),
    ACCOUNT_ID("account-id", Kind.STRING, r -> r.accountId),
    INTERFACE_ID("interface-id", Kind.STRING, r -> r.eni.id()),
    SRCADDR("srcaddr", Kind.STRING, r -> r.srcaddr),
    DSTADDR("dstaddr", Kind.STRING, r -> r.dstaddr),
    SRCPORT("srcport", Kind.INT, r -> r.srcport),
    DSTPORT("dstport", Kind.INT, r -> r.dstport),
    PROTOCOL("protocol", Kind.INT, r -> r.protocol),
    PACKETS("packets", Kind.LONG, r -> r.packets),
    BYTES("bytes", Kind.LONG, r -> r.bytes),
    START("start", Kind.LONG, r -> r.start),
    END("end", Kind.LONG, r -> r.end),
    ACTION("action", Kind.STRING, r -> r.action),
    LOG_STATUS("log-status", Kind.STRING, r -> r.logStatus),
    VPC_ID("vpc-id", Kind.STRING, r -> r.vpc.id()),
    SUBNET_ID("subnet-id", Kind.STRING, r -> r.eni.subnetId()),
    INSTANCE_ID("instance-id", Kind.STRING, r -> r.eni.instanceId()),
    TCP_FLAGS("tcp-flags", Kind.INT, r -> r.tcpFlags),
    TYPE("type", Kind.STRING, r -> r.srcaddr == null ? null : r.isIpv6() ? "IPv6" : "IPv4"),
    PKT_SRCADDR("pkt-srcaddr", Kind.STRING, r -> r.pktSrcaddr),
    PKT_DSTADDR("pkt-dstaddr", Kind.STRING, r -> r.pktDstaddr),
    REGION("region", Kind.STRING, r -> r.vpc.region()),
    AZ_ID("az-id", Kind.STRING, r -> r.eni.azId()),
    PKT_SRC_AWS_SERVICE("pkt-src-aws-service", Kind.STRING, r -> r.pktSrcAwsService),
    PKT_DST_AWS_SERVICE("pkt-dst-aws-service", Kind.STRING, r -> r.pktDstAwsService),
    FLOW_DIRECTION("flow-direction", Kind.STRING, r -> r.flowDirection),
    TRAFFIC_PATH("traffic-path", Kind.INT, r -> r.trafficPath);

    enum Kind { INT, LONG, STRING }

    /** The default format (version 2). */
    static final List<FlowLogFields> V2 = List.of(VERSION, ACCOUNT_ID, INTERFACE_ID, SRCADDR, DSTADDR, SRCPORT,
            DSTPORT, PROTOCOL, PACKETS, BYTES, START, END, ACTION, LOG_STATUS);

    /** A custom format in an order of its creator's choosing, with version 3 to 5 fields. */
    static final List<FlowLogFields> CUSTOM_V5 = List.of(VERSION, ACCOUNT_ID, REGION, VPC_ID, SUBNET_ID,
            INSTANCE_ID, INTERFACE_ID, FLOW_DIRECTION, SRCADDR, DSTADDR, SRCPORT, DSTPORT, PKT_SRCADDR, PKT_DSTADDR,
            PROTOCOL, PACKETS, BYTES, TCP_FLAGS, TYPE, START, END, ACTION, LOG_STATUS, AZ_ID, TRAFFIC_PATH,
            PKT_SRC_AWS_SERVICE, PKT_DST_AWS_SERVICE);

    /** Every field up to version 5 in AWS's order, as a Parquet flow log with all fields has them. */
    static final List<FlowLogFields> ALL_V5 = List.of(VERSION, ACCOUNT_ID, INTERFACE_ID, SRCADDR, DSTADDR, SRCPORT,
            DSTPORT, PROTOCOL, PACKETS, BYTES, START, END, ACTION, LOG_STATUS, VPC_ID, SUBNET_ID, INSTANCE_ID,
            TCP_FLAGS, TYPE, PKT_SRCADDR, PKT_DSTADDR, REGION, AZ_ID, PKT_SRC_AWS_SERVICE, PKT_DST_AWS_SERVICE,
            FLOW_DIRECTION, TRAFFIC_PATH);

    /** Fields a NODATA or SKIPDATA record fills; the rest are absent. */
    private static final List<FlowLogFields> STATUS_FIELDS = List.of(VERSION, ACCOUNT_ID, INTERFACE_ID, START,
            END, LOG_STATUS);

    final String header;
    final Kind kind;
    private final Function<FlowRow, Object> value;

    FlowLogFields(String header, Kind kind, Function<FlowRow, Object> value) {
        this.header = header;
        this.kind = kind;
        this.value = value;
    }

    static List<FlowLogFields> of(FlowFormat format) {
        return switch (format) {
            case V2_TEXT -> V2;
            case CUSTOM_V5_TEXT -> CUSTOM_V5;
            case V5_PARQUET -> ALL_V5;
        };
    }

    static int version(FlowFormat format) {
        return format == FlowFormat.V2_TEXT ? 2 : 5;
    }

    String parquetName() {
        return header.replace('-', '_');
    }

    /** The field's value in {@code row}, or null when absent. */
    Object value(FlowRow row, int version) {
        if (this == VERSION) {
            return version;
        }
        if (!"OK".equals(row.logStatus) && !STATUS_FIELDS.contains(this)) {
            return null;
        }
        return value.apply(row);
    }
}
