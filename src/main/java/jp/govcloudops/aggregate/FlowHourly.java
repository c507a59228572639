package jp.govcloudops.aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import jp.govcloudops.format.flowlog.FlowRecord;

/**
 * Sums one object's flow records per UTC hour, interface, action and log status (flows, packets, bytes), and per
 * hour and boundary pair (LGCS, ASP, VPC, internet) for the traffic picture. Probe keys keep the per-record path
 * free of allocation.
 */
public final class FlowHourly {

    private final NetworkBoundaries boundaries;
    private final Map<InterfaceKey, long[]> interfaces = new HashMap<>();
    private final Map<BoundaryKey, long[]> boundaryPairs = new HashMap<>();
    private final InterfaceKey interfaceProbe = new InterfaceKey();
    private final BoundaryKey boundaryProbe = new BoundaryKey();

    public FlowHourly(NetworkBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    public void add(FlowRecord r) {
        long hour = Math.floorDiv(r.start(), 3600);
        long packets = Math.max(0, r.packets());
        long bytes = Math.max(0, r.bytes());
        interfaceProbe.set(hour, r.interfaceId(), r.action(), r.logStatus(), r.accountId());
        long[] sums = interfaces.get(interfaceProbe);
        if (sums == null) {
            sums = new long[3];
            interfaces.put(interfaceProbe.copy(), sums);
        }
        sums[0]++;
        sums[1] += packets;
        sums[2] += bytes;

        Boundary source = r.srcIsV4() ? boundaries.ofV4(r.srcAddrV4()) : boundaries.ofText(r.srcAddr());
        Boundary destination = r.dstIsV4() ? boundaries.ofV4(r.dstAddrV4()) : boundaries.ofText(r.dstAddr());
        boundaryProbe.set(hour, source, destination, r.action());
        long[] pair = boundaryPairs.get(boundaryProbe);
        if (pair == null) {
            pair = new long[3];
            boundaryPairs.put(boundaryProbe.copy(), pair);
        }
        pair[0]++;
        pair[1] += packets;
        pair[2] += bytes;
    }

    public ObjectContribution interfaceRows() {
        return new Rows<>("flow_hourly", List.of("event_hour", "interface_id", "action", "log_status",
                "record_account_id", "flows", "packets", "bytes"), interfaces,
                (k, s) -> new Object[] {hour(k.hour), k.interfaceId, k.action, k.logStatus, k.account, s[0], s[1], s[2]});
    }

    public ObjectContribution boundaryRows() {
        return new Rows<>("flow_boundary_hourly", List.of("event_hour", "src_boundary", "dst_boundary", "action",
                "flows", "packets", "bytes"), boundaryPairs,
                (k, s) -> new Object[] {hour(k.hour), k.source.name(), k.destination.name(), k.action, s[0], s[1], s[2]});
    }

    private static java.time.LocalDateTime hour(long hour) {
        return UtcTime.ofEpochHour(hour);
    }

    private record Rows<K>(String table, List<String> columns, Map<K, long[]> groups,
            java.util.function.BiFunction<K, long[], Object[]> toRow) implements ObjectContribution {
        @Override
        public void forEachRow(Consumer<Object[]> row) {
            groups.forEach((k, s) -> row.accept(toRow.apply(k, s)));
        }

        @Override
        public int rowCount() {
            return groups.size();
        }
    }

    private static final class InterfaceKey {
        long hour;
        String interfaceId;
        String action;
        String logStatus;
        String account;
        int hash;

        void set(long hour, String interfaceId, String action, String logStatus, String account) {
            this.hour = hour;
            this.interfaceId = interfaceId;
            this.action = action;
            this.logStatus = logStatus;
            this.account = account;
            int h = Long.hashCode(hour);
            h = 31 * h + Objects.hashCode(interfaceId);
            h = 31 * h + Objects.hashCode(action);
            h = 31 * h + Objects.hashCode(logStatus);
            hash = 31 * h + Objects.hashCode(account);
        }

        InterfaceKey copy() {
            InterfaceKey k = new InterfaceKey();
            k.set(hour, interfaceId, action, logStatus, account);
            return k;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof InterfaceKey k && k.hour == hour && Objects.equals(k.interfaceId, interfaceId)
                    && Objects.equals(k.action, action) && Objects.equals(k.logStatus, logStatus)
                    && Objects.equals(k.account, account);
        }
    }

    private static final class BoundaryKey {
        long hour;
        Boundary source;
        Boundary destination;
        String action;
        int hash;

        void set(long hour, Boundary source, Boundary destination, String action) {
            this.hour = hour;
            this.source = source;
            this.destination = destination;
            this.action = action;
            hash = ((Long.hashCode(hour) * 31 + source.ordinal()) * 31 + destination.ordinal()) * 31
                    + Objects.hashCode(action);
        }

        BoundaryKey copy() {
            BoundaryKey k = new BoundaryKey();
            k.set(hour, source, destination, action);
            return k;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BoundaryKey k && k.hour == hour && k.source == source && k.destination == destination
                    && Objects.equals(k.action, action);
        }
    }
}
