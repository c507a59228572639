package jp.govcloudops.detect.flow;

import java.util.Objects;

import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.format.IpV4;

/**
 * A grouping key over flow records (hour, addresses, port, interface; unused parts stay empty). Used as a reusable
 * probe so that looking up an existing group allocates nothing; {@link #copy()} only when a group is new.
 */
final class FlowKey {

    long hour;
    boolean aV4;
    int a4;
    String a6;
    boolean bV4;
    int b4;
    String b6;
    int port;
    String text;
    private int hash;

    FlowKey clear(long hour) {
        this.hour = hour;
        aV4 = bV4 = false;
        a4 = b4 = 0;
        a6 = b6 = null;
        port = 0;
        text = null;
        return this;
    }

    FlowKey src(FlowRecord r) {
        aV4 = r.srcIsV4();
        a4 = aV4 ? r.srcAddrV4() : 0;
        a6 = aV4 ? null : r.srcAddr();
        return this;
    }

    FlowKey dst(FlowRecord r) {
        bV4 = r.dstIsV4();
        b4 = bV4 ? r.dstAddrV4() : 0;
        b6 = bV4 ? null : r.dstAddr();
        return this;
    }

    /** The destination's network: IPv4 /24, or the first three groups (/48) of an IPv6 address. */
    FlowKey dstNetwork(FlowRecord r) {
        bV4 = r.dstIsV4();
        b4 = bV4 ? r.dstAddrV4() & 0xffffff00 : 0;
        b6 = bV4 ? null : ipv6Prefix(r.dstAddr());
        return this;
    }

    FlowKey port(int port) {
        this.port = port;
        return this;
    }

    FlowKey text(String text) {
        this.text = text;
        return this;
    }

    FlowKey seal() {
        int h = Long.hashCode(hour);
        h = 31 * h + (aV4 ? a4 : Objects.hashCode(a6));
        h = 31 * h + (bV4 ? b4 : Objects.hashCode(b6));
        h = 31 * h + port;
        hash = 31 * h + Objects.hashCode(text);
        return this;
    }

    FlowKey copy() {
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

    String a() {
        return aV4 ? IpV4.format(a4) : a6;
    }

    String b() {
        return bV4 ? IpV4.format(b4) : b6;
    }

    String bNetwork() {
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
