package jp.govcloudops.detect.flow;

import java.util.Objects;

import jp.govcloudops.format.IpV4;
import jp.govcloudops.format.flowlog.FlowRecord;

/**
 * A grouping key over flow records (hour, addresses, port, interface; unused parts stay empty). Used as a reusable
 * probe so that looking up an existing group allocates nothing; {@link #copy()} only when a group is new.
 */
public final class FlowKey {

    private long hour;
    private boolean aV4;
    private int a4;
    private String a6;
    private boolean bV4;
    private int b4;
    private String b6;
    private int port;
    private String text;
    private int hash;

    public FlowKey clear(long hour) {
        this.hour = hour;
        aV4 = bV4 = false;
        a4 = b4 = 0;
        a6 = b6 = null;
        port = 0;
        text = null;
        return this;
    }

    public FlowKey src(FlowRecord r) {
        aV4 = r.srcIsV4();
        a4 = aV4 ? r.srcAddrV4() : 0;
        a6 = aV4 ? null : r.srcAddr();
        return this;
    }

    public FlowKey dst(FlowRecord r) {
        bV4 = r.dstIsV4();
        b4 = bV4 ? r.dstAddrV4() : 0;
        b6 = bV4 ? null : r.dstAddr();
        return this;
    }

    /** The destination's network: IPv4 /24, or the first three groups (/48) of an IPv6 address. */
    public FlowKey dstNetwork(FlowRecord r) {
        bV4 = r.dstIsV4();
        b4 = bV4 ? r.dstAddrV4() & 0xffffff00 : 0;
        b6 = bV4 ? null : ipv6Prefix(r.dstAddr());
        return this;
    }

    public FlowKey port(int port) {
        this.port = port;
        return this;
    }

    public FlowKey text(String text) {
        this.text = text;
        return this;
    }

    public FlowKey seal() {
        int h = Long.hashCode(hour);
        h = 31 * h + (aV4 ? a4 : Objects.hashCode(a6));
        h = 31 * h + (bV4 ? b4 : Objects.hashCode(b6));
        h = 31 * h + port;
        hash = 31 * h + Objects.hashCode(text);
        return this;
    }

    public FlowKey copy() {
        FlowKey k = new FlowKey();
        k.hour = hour;
        k.aV4 = aV4;
        k.a4 = a4;
        k.a6 = a6;
        k.bV4 = bV4;
        k.b4 = b4;
        k.b6 = b6;
        k.port = port;
        k.text = text;
        k.hash = hash;
        return k;
    }

    public long hour() {
        return hour;
    }

    public int port() {
        return port;
    }

    public String text() {
        return text;
    }

    /** A new key of this key's hour and source alone (the first address). */
    public FlowKey sourceKey() {
        FlowKey source = new FlowKey().clear(hour);
        source.aV4 = aV4;
        source.a4 = a4;
        source.a6 = a6;
        return source.seal();
    }

    public String a() {
        return aV4 ? IpV4.format(a4) : a6;
    }

    public String b() {
        return bV4 ? IpV4.format(b4) : b6;
    }

    public String bNetwork() {
        return bV4 ? IpV4.format(b4) + "/24" : b6 + "::/48";
    }

    static String ipv6Prefix(String address) {
        if (address == null) {
            return "-";
        }
        String[] groups = address.split(":", -1);
        return groups.length >= 3 ? groups[0] + ":" + groups[1] + ":" + groups[2] : address;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k && k.hash == hash && k.hour == hour && k.port == port && k.aV4 == aV4
                && k.bV4 == bV4 && k.a4 == a4 && k.b4 == b4 && Objects.equals(k.a6, a6) && Objects.equals(k.b6, b6)
                && Objects.equals(k.text, text);
    }
}
