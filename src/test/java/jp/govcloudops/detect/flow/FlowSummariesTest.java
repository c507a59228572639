package jp.govcloudops.detect.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.aggregate.NetworkBoundaries;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.config.NetworkProperties;
import jp.govcloudops.detect.flow.admin.AdminPortSummary;
import jp.govcloudops.detect.flow.dns.DnsResolverSummary;
import jp.govcloudops.detect.flow.egress.EgressSummary;
import jp.govcloudops.detect.flow.firstseen.DestinationSummary;
import jp.govcloudops.detect.flow.portscan.PortScanSummary;
import jp.govcloudops.detect.flow.reject.RejectSummary;
import jp.govcloudops.format.CidrTable;
import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.flowlog.FlowLogTextReader;
import jp.govcloudops.store.ObjectContribution;
import org.junit.jupiter.api.Test;

/** The per-object flow summaries: what each keeps, and that each stays within its cap per object. */
class FlowSummariesTest {

    static final NetworkBoundaries BOUNDARIES = new NetworkBoundaries(new NetworkProperties(List.of("172.16.0.0/12"),
            List.of("192.168.100.0/24"), List.of("10.0.0.0/16")));
    static final long START = 1_748_826_000L; // 2025-06-02T01:00:00Z

    static DetectionProperties.Flow settings(int maxRejectSources, int maxScanPairs) {
        return new DetectionProperties.Flow(List.of(22, 3389), 10, List.of(53, 80, 123, 443, 445, 853, 2049), 32767, 2,
                maxScanPairs, maxRejectSources, 30, 6, 3.0, 20, 7, 3.0, 52_428_800L, 24, 2000, 30, 7, 1000,
                List.of(53, 853), List.of("203.0.113.53/32"), 1000);
    }

    @Test
    void summariesKeepWhatTheDetectionsNeed() {
        List<String> lines = new ArrayList<>();
        for (int port = 1; port <= 30; port++) {         // scan: 30 ports, 443 ignored, replies to ephemeral not counted
            lines.add(line("203.0.113.9", "10.0.1.5", 40000, port == 30 ? 443 : port, 6, 60, "REJECT"));
        }
        lines.add(line("10.0.1.5", "203.0.113.9", 22, 50000, 6, 60, "ACCEPT"));
        lines.add(line("198.51.100.7", "10.0.1.5", 51000, 22, 6, 5000, "ACCEPT"));    // SSH from the internet
        lines.add(line("198.51.100.7", "10.0.1.5", 51001, 3389, 6, 100, "REJECT"));   // rejected: not admin traffic
        lines.add(line("172.16.1.1", "10.0.1.5", 51002, 22, 6, 100, "ACCEPT"));       // from LGCS: fine
        lines.add(line("10.0.1.5", "192.0.2.10", 41000, 443, 6, 1_000_000, "ACCEPT")); // egress
        lines.add(line("10.0.1.5", "192.0.2.11", 41001, 443, 6, 3_000_000, "ACCEPT"));
        lines.add(line("10.0.1.5", "192.168.100.4", 41002, 443, 6, 9_000_000, "ACCEPT")); // to ASP: not egress
        lines.add(line("10.0.1.5", "8.8.8.8", 53001, 53, 17, 80, "ACCEPT"));         // DNS to an internet resolver
        lines.add(line("10.0.1.5", "8.8.8.8", 53002, 53, 17, 90, "ACCEPT"));
        lines.add(line("10.0.1.5", "1.1.1.1", 53003, 853, 6, 900, "ACCEPT"));        // DNS over TLS
        lines.add(line("10.0.1.5", "9.9.9.9", 53004, 53, 17, 80, "REJECT"));         // blocked: not reported
        lines.add(line("10.0.1.5", "203.0.113.53", 53005, 53, 17, 80, "ACCEPT"));    // the approved resolver
        lines.add(line("10.0.1.5", "10.0.0.2", 53006, 53, 17, 80, "ACCEPT"));        // the VPC's own resolver
        lines.add(line("10.0.1.5", "172.16.0.53", 53007, 53, 17, 80, "ACCEPT"));     // the on-premises resolver
        lines.add("2 111122223333 eni-1 - - - - - - - " + START + " " + (START + 60) + " - SKIPDATA");
        Map<String, List<Map<String, Object>>> rows = summarise(lines, settings(500, 2000));

        // Pairs with two or more ports in the object are kept (a slow scan spans objects); here the scanner and the
        // host that tried SSH and RDP.
        assertThat(rows.get("det_flow_scan")).extracting(r -> r.get("src_addr") + "=" + r.get("distinct_ports"))
                .containsExactlyInAnyOrder("203.0.113.9=29", "198.51.100.7=2");
        Map<String, Object> scan = rows.get("det_flow_scan").stream()
                .filter(r -> r.get("src_addr").equals("203.0.113.9")).findFirst().orElseThrow();
        assertThat(scan).containsEntry("src_addr", "203.0.113.9").containsEntry("dst_addr", "10.0.1.5")
                .containsEntry("src_boundary", "INTERNET").containsEntry("dst_boundary", "VPC")
                .containsEntry("distinct_ports", 29).containsEntry("rejected", 29L);
        assertThat((String) scan.get("dst_ports")).startsWith("1,2,3,").endsWith(",29");

        assertThat(rows.get("det_flow_admin")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("src_addr", "198.51.100.7").containsEntry("dst_port", 22).containsEntry("bytes", 5000L));

        assertThat(rows.get("det_flow_dns")).extracting(d -> d.get("dst_addr") + ":" + d.get("dst_port") + " "
                + d.get("flows") + " " + d.get("bytes") + " " + d.get("src_boundary"))
                .containsExactlyInAnyOrder("8.8.8.8:53 2 170 VPC", "1.1.1.1:853 1 900 VPC");

        assertThat(rows.get("det_flow_egress")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("src_addr", "10.0.1.5").containsEntry("src_boundary", "VPC")
                .containsEntry("bytes", 4_000_000L + 60 + 170 + 900 + 80).containsEntry("top_dst_addr", "192.0.2.11"));

        assertThat(rows.get("det_flow_dest")).extracting(d -> d.get("dst_net") + ":" + d.get("dst_port"))
                .containsExactlyInAnyOrder("192.0.2.0/24:443", "8.8.8.0/24:53", "1.1.1.0/24:853",
                        "203.0.113.0/24:53");
        assertThat(rows.get("det_flow_reject")).extracting(r -> r.get("src_addr") + "=" + r.get("rejects"))
                .containsExactlyInAnyOrder("203.0.113.9=30", "198.51.100.7=1", "10.0.1.5=1");
    }

    @Test
    void everySummaryIsCappedPerObject() {
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            for (int r = 0; r <= s % 5; r++) {
                lines.add(line("203.0.113." + s, "10.0.1.5", 40000, 23, 6, 40, "REJECT"));
            }
            for (int port = 100; port < 103 + s % 4; port++) {
                lines.add(line("198.51.100." + s, "10.0.1.6", 40000, port, 6, 40, "REJECT"));
            }
        }
        Map<String, List<Map<String, Object>>> rows = summarise(lines, settings(10, 10));
        // 10 sources kept, the other 90 summed in one row per hour: the total stays exact.
        List<Map<String, Object>> rejects = rows.get("det_flow_reject");
        assertThat(rejects).hasSize(11);
        assertThat(rejects.stream().mapToLong(r -> (Long) r.get("rejects")).sum()).isEqualTo(lines.size());
        assertThat(rejects).filteredOn(r -> r.get("src_addr").equals("*")).hasSize(1);
        // 10 scan pairs kept, those with the most ports.
        assertThat(rows.get("det_flow_scan")).hasSize(10).allSatisfy(r -> assertThat((Integer) r.get("distinct_ports"))
                .isEqualTo(6));
    }

    static String line(String src, String dst, int srcPort, int dstPort, int protocol, long bytes, String action) {
        return "2 111122223333 eni-1 " + src + " " + dst + " " + srcPort + " " + dstPort + " " + protocol + " 1 " + bytes
                + " " + START + " " + (START + 60) + " " + action + " OK";
    }

    static Map<String, List<Map<String, Object>>> summarise(List<String> lines, DetectionProperties.Flow settings) {
        FlowSummaries summaries = new FlowSummaries(BOUNDARIES, List.of(new PortScanSummary(settings),
                new RejectSummary(settings), new EgressSummary(), new AdminPortSummary(settings),
                new DnsResolverSummary(settings, CidrTable.<Boolean>builder().add(settings.dnsApprovedResolvers(),
                        Boolean.TRUE).build()), new DestinationSummary(settings)));
        String text = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end"
                + " action log-status\n" + String.join("\n", lines) + "\n";
        new FlowLogTextReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), TimeWindow.ANY, START,
                summaries::accept, (position, reason, excerpt, records) -> {
                    throw new AssertionError(position + ": " + reason);
                });
        Map<String, List<Map<String, Object>>> tables = new HashMap<>();
        for (ObjectContribution c : summaries.contributions()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            c.forEachRow(values -> {
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < values.length; i++) {
                    row.put(c.columns().get(i), values[i]);
                }
                rows.add(row);
            });
            tables.put(c.table(), rows);
        }
        return tables;
    }
}
