package jp.govcloudops.detect;

import static jp.govcloudops.detect.LogFixtures.flow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jp.govcloudops.config.Severity;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Flow-log detections through the real pipeline: nine quiet days of traffic, then a day with a port scan, SSH
 * reached from the internet, a rejected-traffic spike, a large upload to a new internet address, DNS sent straight
 * to an internet resolver and SKIPDATA.
 * The quiet days must give no findings; every planted event must give its finding, naming the boundaries.
 */
class FlowFindingsTest {

    static final String ACCOUNT = "222233334444";
    static final String ENI = "eni-0a1b2c3d";
    static final String WEB = "10.0.1.10";
    static final LocalDate LAST = LocalDate.parse("2025-06-10");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void plantedNetworkIncidentsAreFoundAndQuietDaysAreQuiet(String database) throws Exception {
        Path source = Files.createDirectories(dir.resolve("logs"));
        Random random = new Random(7);
        LocalDate first = LAST.minusDays(9);
        for (LocalDate day = first; day.isBefore(LAST); day = day.plusDays(1)) {
            LogFixtures.flowLog(source, ACCOUNT, day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(86000),
                    quietDay(day, random));
        }
        List<String> lines = quietDay(LAST, random);
        Instant t = LAST.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(3 * 3600); // 12:00 JST
        for (int port = 1000; port < 1040; port++) {   // vertical scan from the internet, rejected
            lines.add(flow(ACCOUNT, ENI, "203.0.113.66", WEB, 40000 + port, port, 6, 1, 44, t.plusSeconds(port - 1000), "REJECT"));
        }
        for (int i = 0; i < 3; i++) {                   // SSH from the internet, accepted
            lines.add(flow(ACCOUNT, ENI, "198.51.100.77", WEB, 51000 + i, 22, 6, 30, 5000, t.plusSeconds(600 + i), "ACCEPT"));
        }
        for (int i = 0; i < 300; i++) {                 // the usual scanner, 300 rejects in one hour
            lines.add(flow(ACCOUNT, ENI, "203.0.113.5", WEB, 30000 + i, 23, 6, 1, 40, t.plusSeconds(1200 + i), "REJECT"));
        }
        for (int i = 0; i < 50; i++) {                  // 5 GB to a new internet address
            lines.add(flow(ACCOUNT, ENI, WEB, "192.0.2.99", 45000 + i, 443, 6, 80000, 100_000_000L,
                    t.plusSeconds(1800 + i), "ACCEPT"));
        }
        for (int i = 0; i < 4; i++) {                   // DNS past the VPC resolver, to an internet resolver
            lines.add(flow(ACCOUNT, ENI, WEB, "8.8.4.4", 53100 + i, 53, 17, 1, 75, t.plusSeconds(2400 + i), "ACCEPT"));
        }
        lines.add("2 " + ACCOUNT + " " + ENI + " - - - - - - - " + t.getEpochSecond() + " " + (t.getEpochSecond() + 60)
                + " - SKIPDATA");
        LogFixtures.flowLog(source, ACCOUNT, t.plusSeconds(7200), lines);

        try (StoreContext store = new StoreContext(TestStore.of(database, dir), source)) {
            store.ingest(first.minusDays(1), LAST, false);
            DetectionService detection = store.bean(DetectionService.class);
            detection.run(detection.window(first, LAST));
            FindingStore findings = store.bean(FindingStore.class);

            assertThat(findings.list(first, LAST.minusDays(1), Severity.INFORMATIONAL, false))
                    .as("findings on the quiet days").isEmpty();
            List<FindingStore.Stored> all = findings.list(LAST, LAST, Severity.INFORMATIONAL, false);

            FindingStore.Stored scan = CloudTrailFindingsTest.one(all, "flow-port-scan");
            assertThat(scan.sourceIp()).isEqualTo("203.0.113.66");
            assertThat(scan.boundary()).isEqualTo("インターネット → VPC");
            assertThat(scan.summaryJa()).contains("40 ポート");

            FindingStore.Stored ssh = CloudTrailFindingsTest.one(all, "flow-admin-port-from-internet");
            assertThat(ssh.resource()).startsWith(WEB + ":22");
            assertThat(ssh.boundary()).isEqualTo("インターネット → VPC");
            assertThat(ssh.severity()).isEqualTo(Severity.HIGH);

            List<FindingStore.Stored> spikes = all.stream().filter(f -> f.ruleId().equals("flow-reject-spike")).toList();
            assertThat(spikes).extracting(FindingStore.Stored::eventNames)
                    .anySatisfy(n -> assertThat(n).contains("source 203.0.113.5"))
                    .anySatisfy(n -> assertThat(n).contains("interface " + ENI));

            FindingStore.Stored exfil = CloudTrailFindingsTest.one(all, "flow-egress-volume-anomaly");
            assertThat(exfil.sourceIp()).isEqualTo(WEB);
            assertThat(exfil.boundary()).isEqualTo("VPC → インターネット");
            assertThat(exfil.summaryJa()).contains("192.0.2.99").contains("5.0 GB");
            JsonNode evidence = LogFixtures.JSON.readTree(findings.get(exfil.id()).orElseThrow().evidence());
            assertThat(evidence.path("value").asLong()).isBetween(5_000_000_000L, 5_000_300_000L); // plus the usual HTTPS
            assertThat(evidence.path("baseline").path("points").asInt()).isGreaterThanOrEqualTo(24);

            FindingStore.Stored newDest = CloudTrailFindingsTest.one(all, "flow-first-seen-destination");
            assertThat(newDest.eventNames()).contains("192.0.2.99:443").contains("8.8.4.4:53");

            FindingStore.Stored dns = CloudTrailFindingsTest.one(all, "flow-dns-external-resolver");
            assertThat(dns.sourceIp()).isEqualTo(WEB);
            assertThat(dns.resource()).isEqualTo("8.8.4.4:53 (" + ENI + ")");
            assertThat(dns.boundary()).isEqualTo("VPC → インターネット");
            assertThat(dns.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(dns.summaryJa()).contains("リゾルバ 8.8.4.4:53").contains("DNS 通信 4 件");

            FindingStore.Stored skip = CloudTrailFindingsTest.one(all, "flow-skipdata");
            assertThat(skip.resource()).isEqualTo(ENI);

            assertThat(all).extracting(FindingStore.Stored::ruleId).containsOnly("flow-port-scan",
                    "flow-admin-port-from-internet", "flow-reject-spike", "flow-egress-volume-anomaly",
                    "flow-first-seen-destination", "flow-dns-external-resolver", "flow-skipdata");
            // The baselines used are kept with the day.
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM det_baseline WHERE day = ?", Integer.class,
                    LAST)).isGreaterThanOrEqualTo(3);
        }
    }

    /** Every hour: LGCS users on the web server, its replies, a little HTTPS out, a few rejected probes. */
    static List<String> quietDay(LocalDate day, Random random) {
        List<String> lines = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            Instant h = day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(hour * 3600L);
            for (int i = 0; i < 20; i++) {
                int client = 40000 + random.nextInt(20000);
                lines.add(flow(ACCOUNT, ENI, "172.16.5." + (1 + random.nextInt(20)), WEB, client, 443, 6, 12, 9000,
                        h.plusSeconds(i * 60L), "ACCEPT"));
                lines.add(flow(ACCOUNT, ENI, WEB, "172.16.5." + (1 + random.nextInt(20)), 443, client, 6, 10, 30000,
                        h.plusSeconds(i * 60L), "ACCEPT"));
            }
            lines.add(flow(ACCOUNT, ENI, WEB, "198.51.100.10", 41000 + hour, 443, 6, 40, 200_000 + random.nextInt(50_000),
                    h.plusSeconds(120), "ACCEPT"));
            for (int i = 0; i < 2 + random.nextInt(4); i++) {
                lines.add(flow(ACCOUNT, ENI, "203.0.113.5", WEB, 50000 + i, 23, 6, 1, 40, h.plusSeconds(300 + i), "REJECT"));
            }
        }
        return lines;
    }
}
