package jp.govcloudops.aggregate;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.store.ObjectContribution;

/**
 * Sums one object's flow records per UTC hour, interface, action and log status (flows, packets, bytes), and per
 * hour and boundary pair (LGCS, ASP, VPC, internet) for the traffic picture.
 *
 * <p>The groups live in open-addressing tables over parallel arrays rather than hash maps with key objects: a
 * record in an existing group allocates nothing and makes no calls beyond the strings' cached hash codes. With the
 * deployed C1 compiler (which inlines little) the map's lookup, key hashing and equality calls were a tenth of the
 * flow-log path; the tables measured 3-5% less CPU per record (docs/benchmarks.md).
 */
public final class FlowHourly {

    private final NetworkBoundaries boundaries;
    /** Keys: interface id, action, log status, record account id. */
    private final Groups interfaces = new Groups(64);
    /** Keys: source boundary, destination boundary, action. */
    private final Groups boundaryPairs = new Groups(16);

    public FlowHourly(NetworkBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    public void add(FlowRecord r) {
        long hour = Math.floorDiv(r.start(), 3600);
        long packets = Math.max(0, r.packets());
        long bytes = Math.max(0, r.bytes());
        String action = r.action();
        String interfaceId = r.interfaceId();
        String logStatus = r.logStatus();
        String account = r.accountId();
        int hash = (((Long.hashCode(hour) * 31 + Objects.hashCode(interfaceId)) * 31 + Objects.hashCode(action)) * 31
                + Objects.hashCode(logStatus)) * 31 + Objects.hashCode(account);
        interfaces.add(hash, hour, interfaceId, action, logStatus, account, packets, bytes);

        Boundary source = r.srcIsV4() ? boundaries.ofV4(r.srcAddrV4()) : boundaries.of(r.srcAddrBytes());
        Boundary destination = r.dstIsV4() ? boundaries.ofV4(r.dstAddrV4()) : boundaries.of(r.dstAddrBytes());
        hash = ((Long.hashCode(hour) * 31 + source.ordinal()) * 31 + destination.ordinal()) * 31
                + Objects.hashCode(action);
        boundaryPairs.add(hash, hour, source, destination, action, null, packets, bytes);
    }

    public ObjectContribution interfaceRows() {
        return new Rows("flow_hourly", List.of("event_hour", "interface_id", "action", "log_status",
                "record_account_id", "flows", "packets", "bytes"), interfaces);
    }

    public ObjectContribution boundaryRows() {
        return new Rows("flow_boundary_hourly", List.of("event_hour", "src_boundary", "dst_boundary", "action",
                "flows", "packets", "bytes"), boundaryPairs);
    }

    /** Columns: the hour, the group's key values (boundaries by name), then flows, packets and bytes. */
    private record Rows(String table, List<String> columns, Groups groups) implements ObjectContribution {
        @Override
        public void forEachRow(Consumer<Object[]> row) {
            Groups g = groups;
            int keyCount = columns.size() - 4;
            for (int k = 0; k < g.used.length; k++) {
                if (g.used[k]) {
                    Object[] values = new Object[columns.size()];
                    values[0] = UtcTime.ofEpochHour(g.hours[k]);
                    for (int j = 0; j < keyCount; j++) {
                        Object key = g.keys[KEYS * k + j];
                        values[1 + j] = key instanceof Boundary b ? b.name() : key;
                    }
                    values[1 + keyCount] = g.sums[3 * k];
                    values[2 + keyCount] = g.sums[3 * k + 1];
                    values[3 + keyCount] = g.sums[3 * k + 2];
                    row.accept(values);
                }
            }
        }

        @Override
        public int rowCount() {
            return groups.size;
        }
    }

    private static final int KEYS = 4;

    /**
     * Flows, packets and bytes per group of an hour and up to four key values, in an open-addressing table over
     * parallel arrays: adding to an existing group allocates nothing and calls nothing.
     */
    private static final class Groups {
        boolean[] used;
        int[] hashes;
        long[] hours;
        Object[] keys;
        long[] sums;
        int size;

        Groups(int capacity) {
            used = new boolean[capacity];
            hashes = new int[capacity];
            hours = new long[capacity];
            keys = new Object[KEYS * capacity];
            sums = new long[3 * capacity];
        }

        void add(int hash, long hour, Object a, Object b, Object c, Object d, long packets, long bytes) {
            int k = slot(hash ^ (hash >>> 16), hour, a, b, c, d);
            long[] s = sums;
            s[3 * k]++;
            s[3 * k + 1] += packets;
            s[3 * k + 2] += bytes;
        }

        /** The group's slot; a new group is added with zero sums, the table doubling once half full. */
        private int slot(int hash, long hour, Object a, Object b, Object c, Object d) {
            int mask = used.length - 1;
            int k = hash & mask;
            while (used[k]) {
                int at = KEYS * k;
                if (hashes[k] == hash && hours[k] == hour && Objects.equals(keys[at], a)
                        && Objects.equals(keys[at + 1], b) && Objects.equals(keys[at + 2], c)
                        && Objects.equals(keys[at + 3], d)) {
                    return k;
                }
                k = (k + 1) & mask;
            }
            if (2 * (size + 1) > used.length) {
                grow();
                return slot(hash, hour, a, b, c, d);
            }
            used[k] = true;
            hashes[k] = hash;
            hours[k] = hour;
            int at = KEYS * k;
            keys[at] = a;
            keys[at + 1] = b;
            keys[at + 2] = c;
            keys[at + 3] = d;
            size++;
            return k;
        }

        private void grow() {
            Groups bigger = new Groups(used.length * 2);
            for (int k = 0; k < used.length; k++) {
                if (used[k]) {
                    int at = KEYS * k;
                    int to = bigger.slot(hashes[k], hours[k], keys[at], keys[at + 1], keys[at + 2], keys[at + 3]);
                    System.arraycopy(sums, 3 * k, bigger.sums, 3 * to, 3);
                }
            }
            used = bigger.used;
            hashes = bigger.hashes;
            hours = bigger.hours;
            keys = bigger.keys;
            sums = bigger.sums;
        }
    }
}
