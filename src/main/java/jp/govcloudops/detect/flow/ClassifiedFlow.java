package jp.govcloudops.detect.flow;

import jp.govcloudops.aggregate.Boundary;
import jp.govcloudops.format.flowlog.FlowRecord;

/**
 * A traffic record with what every summary asks of it, worked out once per record: its hour, the network
 * boundary of each end, the action. One instance per object, refilled for each record (nothing allocated per
 * record).
 */
public final class ClassifiedFlow {

    public static final int TCP = 6;
    public static final int UDP = 17;

    private FlowRecord record;
    private long hour;
    private Boundary src;
    private Boundary dst;
    private boolean accepted;
    private boolean rejected;
    private long dstPort;
    private long bytes;
    private long packets;

    void set(FlowRecord record, long hour, Boundary src, Boundary dst) {
        this.record = record;
        this.hour = hour;
        this.src = src;
        this.dst = dst;
        this.accepted = "ACCEPT".equals(record.action());
        this.rejected = "REJECT".equals(record.action());
        this.dstPort = record.dstPort();
        this.bytes = Math.max(0, record.bytes());
        this.packets = Math.max(0, record.packets());
    }

    public FlowRecord record() {
        return record;
    }

    /** The epoch hour (UTC) of the record's start. */
    public long hour() {
        return hour;
    }

    public Boundary src() {
        return src;
    }

    public Boundary dst() {
        return dst;
    }

    public boolean accepted() {
        return accepted;
    }

    public boolean rejected() {
        return rejected;
    }

    public long protocol() {
        return record.protocol();
    }

    public boolean tcpOrUdp() {
        long protocol = record.protocol();
        return protocol == TCP || protocol == UDP;
    }

    /** The destination port, or a negative value when the record has none. */
    public long dstPort() {
        return dstPort;
    }

    public long bytes() {
        return bytes;
    }

    public long packets() {
        return packets;
    }

    /** The source is inside the estate (VPC, LGCS, ASP or another private range). */
    public boolean internalSource() {
        return isInternal(src);
    }

    static boolean isInternal(Boundary b) {
        return b == Boundary.VPC || b == Boundary.LGCS || b == Boundary.ASP || b == Boundary.PRIVATE;
    }
}
