package jp.govcloudops.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jp.govcloudops.config.NetworkProperties;
import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.flowlog.FlowLogTextReader;
import jp.govcloudops.store.ObjectContribution;
import org.junit.jupiter.api.Test;

/** The hourly sums of one object, against sums computed here from the same lines, over many groups. */
class FlowHourlyTest {

    private static final long START = 1_790_812_800L; // 2026-10-01T00:00:00Z

    @Test
    void sumsEveryGroupOfAnObjectWithThousandsOfGroups() {
        NetworkBoundaries boundaries = new NetworkBoundaries(new NetworkProperties(List.of("10.100.0.0/16"),
                List.of("10.200.0.0/16"), List.of("10.1.0.0/16")));
        Random random = new Random(7);
        StringBuilder text = new StringBuilder("version account-id interface-id srcaddr dstaddr srcport dstport"
                + " protocol packets bytes start end action log-status\n");
        Map<String, long[]> expectedInterfaces = new HashMap<>();
        Map<String, long[]> expectedPairs = new HashMap<>();
        String[] sources = {"10.1.0.5", "10.100.3.3", "203.0.113.9", "2001:db8::7", "-"};
        String[] destinations = {"10.200.0.8", "10.1.9.9", "198.51.100.1", "fd00::1"};
        for (int i = 0; i < 20_000; i++) {
            String eni = "eni-" + Integer.toHexString(0x10000 + random.nextInt(3000)); // about 3000 interfaces
            String action = random.nextInt(5) == 0 ? "REJECT" : "ACCEPT";
            long start = START + random.nextInt(3 * 3600);  // three hours
            long packets = random.nextInt(100);
            long bytes = packets * (40 + random.nextInt(1400));
            String src = sources[random.nextInt(sources.length)];
            String dst = destinations[random.nextInt(destinations.length)];
            text.append("2 111122223333 ").append(eni).append(' ').append(src).append(' ').append(dst)
                    .append(" 443 50000 6 ").append(packets).append(' ').append(bytes).append(' ').append(start)
                    .append(' ').append(start + 60).append(' ').append(action).append(" OK\n");
            long hour = start / 3600;
            add(expectedInterfaces, hour + "|" + eni + "|" + action + "|OK|111122223333", packets, bytes);
            String pair = boundary(boundaries, src) + "|" + boundary(boundaries, dst);
            add(expectedPairs, hour + "|" + pair + "|" + action, packets, bytes);
        }

        FlowHourly hourly = new FlowHourly(boundaries);
        new FlowLogTextReader().read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.US_ASCII)),
                TimeWindow.ANY, 0, hourly::add, (position, reason, excerpt, count) -> {
                    throw new AssertionError(position + ": " + reason);
                });

        Map<String, long[]> interfaces = new HashMap<>();
        ObjectContribution interfaceRows = hourly.interfaceRows();
        interfaceRows.forEachRow(r -> interfaces.put(epochHour(r[0]) + "|" + r[1] + "|" + r[2] + "|" + r[3] + "|" + r[4],
                new long[] {(Long) r[5], (Long) r[6], (Long) r[7]}));
        assertThat(interfaceRows.rowCount()).isEqualTo(expectedInterfaces.size()).isGreaterThan(5000);
        assertThat(interfaces).containsOnlyKeys(expectedInterfaces.keySet());
        expectedInterfaces.forEach((key, sums) -> assertThat(interfaces.get(key)).as(key).containsExactly(sums));

        Map<String, long[]> pairs = new HashMap<>();
        ObjectContribution pairRows = hourly.boundaryRows();
        pairRows.forEachRow(r -> pairs.put(epochHour(r[0]) + "|" + r[1] + "|" + r[2] + "|" + r[3],
                new long[] {(Long) r[4], (Long) r[5], (Long) r[6]}));
        assertThat(pairRows.rowCount()).isEqualTo(expectedPairs.size());
        assertThat(pairs).containsOnlyKeys(expectedPairs.keySet());
        expectedPairs.forEach((key, sums) -> assertThat(pairs.get(key)).as(key).containsExactly(sums));
    }

    private static String boundary(NetworkBoundaries boundaries, String address) {
        return (address.contains(":") || address.equals("-") ? boundaries.ofText(address)
                : boundaries.ofV4((int) jp.govcloudops.format.IpV4.parse(address))).name();
    }

    private static long epochHour(Object hour) {
        return ((java.time.LocalDateTime) hour).toEpochSecond(java.time.ZoneOffset.UTC) / 3600;
    }

    private static void add(Map<String, long[]> sums, String key, long packets, long bytes) {
        long[] s = sums.computeIfAbsent(key, k -> new long[3]);
        s[0]++;
        s[1] += packets;
        s[2] += bytes;
    }
}
