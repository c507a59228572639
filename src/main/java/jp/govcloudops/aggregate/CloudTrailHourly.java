package jp.govcloudops.aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.format.cloudtrail.CloudTrailEvent;
import jp.govcloudops.store.ObjectContribution;

/**
 * Counts one object's CloudTrail records per UTC hour and the dimensions that answer "who did what, where, with
 * what result". Lookups use one reused probe key, so a record that falls in an existing group allocates nothing.
 */
public final class CloudTrailHourly implements ObjectContribution {

    private static final List<String> COLUMNS = List.of("event_hour", "event_region", "event_source", "event_name",
            "error_code", "read_only", "identity_type", "principal", "source_ip", "recipient_account_id", "events");

    private final Map<Key, long[]> groups = new HashMap<>();
    private final Key probe = new Key();

    public void add(CloudTrailEvent e) {
        probe.set(e.eventHour(), e.awsRegion(), e.eventSource(), e.eventName(), e.errorCode(), e.readOnly(),
                e.identityType(), e.principal(), e.sourceIpAddress(), e.recipientAccountId());
        long[] count = groups.get(probe);
        if (count == null) {
            count = new long[1];
            groups.put(probe.copy(), count);
        }
        count[0]++;
    }

    @Override
    public String table() {
        return "ct_hourly";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public int rowCount() {
        return groups.size();
    }

    @Override
    public void forEachRow(Consumer<Object[]> row) {
        groups.forEach((k, count) -> row.accept(new Object[] {UtcTime.ofEpochHour(k.hour),
                k.region, k.source, k.name, k.error, k.readOnly, k.identityType, truncate(k.principal, 512),
                truncate(k.sourceIp, 128), k.recipient, count[0]}));
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static final class Key {
        long hour;
        String region;
        String source;
        String name;
        String error;
        Boolean readOnly;
        String identityType;
        String principal;
        String sourceIp;
        String recipient;
        int hash;

        void set(long hour, String region, String source, String name, String error, Boolean readOnly,
                String identityType, String principal, String sourceIp, String recipient) {
            this.hour = hour;
            this.region = region;
            this.source = source;
            this.name = name;
            this.error = error;
            this.readOnly = readOnly;
            this.identityType = identityType;
            this.principal = principal;
            this.sourceIp = sourceIp;
            this.recipient = recipient;
            int h = Long.hashCode(hour);
            h = 31 * h + Objects.hashCode(region);
            h = 31 * h + Objects.hashCode(source);
            h = 31 * h + Objects.hashCode(name);
            h = 31 * h + Objects.hashCode(error);
            h = 31 * h + Objects.hashCode(readOnly);
            h = 31 * h + Objects.hashCode(identityType);
            h = 31 * h + Objects.hashCode(principal);
            h = 31 * h + Objects.hashCode(sourceIp);
            h = 31 * h + Objects.hashCode(recipient);
            this.hash = h;
        }

        Key copy() {
            Key k = new Key();
            k.set(hour, region, source, name, error, readOnly, identityType, principal, sourceIp, recipient);
            return k;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hour == hour && k.hash == hash && Objects.equals(k.name, name)
                    && Objects.equals(k.source, source) && Objects.equals(k.principal, principal)
                    && Objects.equals(k.sourceIp, sourceIp) && Objects.equals(k.error, error)
                    && Objects.equals(k.region, region) && Objects.equals(k.readOnly, readOnly)
                    && Objects.equals(k.identityType, identityType) && Objects.equals(k.recipient, recipient);
        }
    }
}
