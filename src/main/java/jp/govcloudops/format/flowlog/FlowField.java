package jp.govcloudops.format.flowlog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The VPC Flow Log fields of versions 2 to 8, by their header names (Parquet files use the same names with
 * underscores). Fields the aggregates do not use are still known, so a header naming them is recognised;
 * names not listed here are ignored, never fatal.
 */
public enum FlowField {
    VERSION("version"), ACCOUNT_ID("account-id"), INTERFACE_ID("interface-id"), SRCADDR("srcaddr"),
    DSTADDR("dstaddr"), SRCPORT("srcport"), DSTPORT("dstport"), PROTOCOL("protocol"), PACKETS("packets"),
    BYTES("bytes"), START("start"), END("end"), ACTION("action"), LOG_STATUS("log-status"),
    // v3
    VPC_ID("vpc-id"), SUBNET_ID("subnet-id"), INSTANCE_ID("instance-id"), TCP_FLAGS("tcp-flags"), TYPE("type"),
    PKT_SRCADDR("pkt-srcaddr"), PKT_DSTADDR("pkt-dstaddr"),
    // v4
    REGION("region"), AZ_ID("az-id"), SUBLOCATION_TYPE("sublocation-type"), SUBLOCATION_ID("sublocation-id"),
    // v5
    PKT_SRC_AWS_SERVICE("pkt-src-aws-service"), PKT_DST_AWS_SERVICE("pkt-dst-aws-service"),
    FLOW_DIRECTION("flow-direction"), TRAFFIC_PATH("traffic-path"),
    // v6 (transit gateway)
    RESOURCE_TYPE("resource-type"), TGW_ID("tgw-id"), TGW_ATTACHMENT_ID("tgw-attachment-id"),
    TGW_SRC_VPC_ACCOUNT_ID("tgw-src-vpc-account-id"), TGW_DST_VPC_ACCOUNT_ID("tgw-dst-vpc-account-id"),
    TGW_SRC_VPC_ID("tgw-src-vpc-id"), TGW_DST_VPC_ID("tgw-dst-vpc-id"), TGW_SRC_SUBNET_ID("tgw-src-subnet-id"),
    TGW_DST_SUBNET_ID("tgw-dst-subnet-id"), TGW_SRC_ENI("tgw-src-eni"), TGW_DST_ENI("tgw-dst-eni"),
    TGW_SRC_AZ_ID("tgw-src-az-id"), TGW_DST_AZ_ID("tgw-dst-az-id"), TGW_PAIR_ATTACHMENT_ID("tgw-pair-attachment-id"),
    PACKETS_LOST_NO_ROUTE("packets-lost-no-route"), PACKETS_LOST_BLACKHOLE("packets-lost-blackhole"),
    PACKETS_LOST_MTU_EXCEEDED("packets-lost-mtu-exceeded"), PACKETS_LOST_TTL_EXPIRED("packets-lost-ttl-expired"),
    // v7 (ECS)
    ECS_CLUSTER_ARN("ecs-cluster-arn"), ECS_CLUSTER_NAME("ecs-cluster-name"),
    ECS_CONTAINER_INSTANCE_ARN("ecs-container-instance-arn"), ECS_CONTAINER_INSTANCE_ID("ecs-container-instance-id"),
    ECS_CONTAINER_ID("ecs-container-id"), ECS_SECOND_CONTAINER_ID("ecs-second-container-id"),
    ECS_SERVICE_NAME("ecs-service-name"), ECS_TASK_DEFINITION_ARN("ecs-task-definition-arn"),
    ECS_TASK_ARN("ecs-task-arn"), ECS_TASK_ID("ecs-task-id"),
    // v8
    REJECT_REASON("reject-reason");

    /** The default (version 2) format, used when a text file has no header line. */
    public static final List<FlowField> DEFAULT_V2 = List.of(VERSION, ACCOUNT_ID, INTERFACE_ID, SRCADDR, DSTADDR,
            SRCPORT, DSTPORT, PROTOCOL, PACKETS, BYTES, START, END, ACTION, LOG_STATUS);

    private static final Map<String, FlowField> BY_NAME = new HashMap<>();

    static {
        for (FlowField field : values()) {
            BY_NAME.put(field.headerName, field);
            BY_NAME.put(field.headerName.replace('-', '_'), field);
        }
    }

    private final String headerName;

    FlowField(String headerName) {
        this.headerName = headerName;
    }

    public String headerName() {
        return headerName;
    }

    /** The field named in a header or Parquet schema, or null for a name this version does not know. */
    public static FlowField byName(String name) {
        return BY_NAME.get(name);
    }
}
