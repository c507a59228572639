package jp.govcloudops.format.flowlog;

/**
 * One flow-log record, reused from record to record by the readers: copy what you keep. Numbers that were absent
 * ({@code -}) read as {@link #ABSENT}. Addresses are kept as parsed IPv4 values where possible, so classifying
 * traffic needs no String per record; {@link #srcAddr()} builds the text on demand.
 */
public final class FlowRecord {

    public static final long ABSENT = -1;

    long position;
    String accountId;
    String interfaceId;
    String action;
    String logStatus;
    String flowDirection;
    String vpcId;
    String srcAddrText;
    String dstAddrText;
    int srcAddrV4;
    int dstAddrV4;
    boolean srcIsV4;
    boolean dstIsV4;
    long srcPort;
    long dstPort;
    long protocol;
    long packets;
    long bytes;
    long start;
    long end;
    long tcpFlags;

    void clear() {
        accountId = interfaceId = action = logStatus = flowDirection = vpcId = null;
        srcAddrText = dstAddrText = null;
        srcIsV4 = dstIsV4 = false;
        srcPort = dstPort = protocol = packets = bytes = start = end = tcpFlags = ABSENT;
    }

    /** Sets a text field the aggregates use; other fields are ignored. */
    void setText(FlowField field, String value) {
        switch (field) {
            case ACCOUNT_ID -> accountId = value;
            case INTERFACE_ID -> interfaceId = value;
            case ACTION -> action = value;
            case LOG_STATUS -> logStatus = value;
            case FLOW_DIRECTION -> flowDirection = value;
            case VPC_ID -> vpcId = value;
            default -> {
            }
        }
    }

    /** Sets a numeric field the aggregates use; other fields are ignored. */
    void setNumber(FlowField field, long value) {
        switch (field) {
            case SRCPORT -> srcPort = value;
            case DSTPORT -> dstPort = value;
            case PROTOCOL -> protocol = value;
            case PACKETS -> packets = value;
            case BYTES -> bytes = value;
            case START -> start = value;
            case END -> end = value;
            case TCP_FLAGS -> tcpFlags = value;
            default -> {
            }
        }
    }

    /** Line number (text, from 1) or row number (Parquet, from 0) in the file. */
    public long position() {
        return position;
    }

    public String accountId() {
        return accountId;
    }

    public String interfaceId() {
        return interfaceId;
    }

    public String action() {
        return action;
    }

    public String logStatus() {
        return logStatus;
    }

    public String flowDirection() {
        return flowDirection;
    }

    public String vpcId() {
        return vpcId;
    }

    public boolean srcIsV4() {
        return srcIsV4;
    }

    public boolean dstIsV4() {
        return dstIsV4;
    }

    public int srcAddrV4() {
        return srcAddrV4;
    }

    public int dstAddrV4() {
        return dstAddrV4;
    }

    public String srcAddr() {
        return srcIsV4 ? IpV4.format(srcAddrV4) : srcAddrText;
    }

    public String dstAddr() {
        return dstIsV4 ? IpV4.format(dstAddrV4) : dstAddrText;
    }

    public long srcPort() {
        return srcPort;
    }

    public long dstPort() {
        return dstPort;
    }

    public long protocol() {
        return protocol;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    /** Start of the capture window in epoch seconds, or ABSENT. */
    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long tcpFlags() {
        return tcpFlags;
    }
}
