package jp.govcloudops.sample;

import jp.govcloudops.sample.SampleEstate.NetworkInterface;
import jp.govcloudops.sample.SampleEstate.Vpc;

/**
 * One flow-log record as seen on one network interface, with every field the estate's formats can hold
 * (null where the record has no value, written as {@code -} or a Parquet null).
 */
public final class FlowRow {

    final Vpc vpc;
    final NetworkInterface eni;
    final String accountId;
    String srcaddr;
    String dstaddr;
    String pktSrcaddr;
    String pktDstaddr;
    Integer srcport;
    Integer dstport;
    Integer protocol;
    Long packets;
    Long bytes;
    long start;
    long end;
    String action;
    String logStatus = "OK";
    Integer tcpFlags;
    String flowDirection;
    Integer trafficPath;
    String pktSrcAwsService;
    String pktDstAwsService;
    PlantedIncident incident;

    FlowRow(Vpc vpc, NetworkInterface eni, String accountId, long start, long end) {
        this.vpc = vpc;
        this.eni = eni;
        this.accountId = accountId;
        this.start = start;
        this.end = end;
    }

    /** A NODATA or SKIPDATA record: the interface saw nothing, or records were lost, in the capture window. */
    static FlowRow status(Vpc vpc, NetworkInterface eni, String accountId, long start, long end, String status) {
        FlowRow row = new FlowRow(vpc, eni, accountId, start, end);
        row.logStatus = status;
        return row;
    }

    public long start() {
        return start;
    }

    public String srcaddr() {
        return srcaddr;
    }

    public String dstaddr() {
        return dstaddr;
    }

    public Integer dstport() {
        return dstport;
    }

    public Integer protocol() {
        return protocol;
    }

    public String action() {
        return action;
    }

    public Long packets() {
        return packets;
    }

    public Long bytes() {
        return bytes;
    }

    public NetworkInterface eni() {
        return eni;
    }

    public PlantedIncident incident() {
        return incident;
    }

    boolean isIpv6() {
        return srcaddr != null && srcaddr.indexOf(':') >= 0;
    }
}
