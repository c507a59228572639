package jp.govcloudops.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogType;
import jp.govcloudops.support.FaultInjectingProxy;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.S3TestServer;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ingestion through a proxy that throttles (503 SlowDown), fails (500), resets connections and cuts object bodies
 * half way on the first attempt of every request: the totals must still be exact, with no object marked failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TransientFaultsTest {

    static FaultInjectingProxy proxy;

    @Autowired
    IngestLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        proxy = new FaultInjectingProxy(S3TestServer.get().endpoint());
        Path dir = Files.createTempDirectory("govcloud-faults-");
        registry.add("spring.datasource.url", () -> TestStore.h2(dir));
        registry.add("govcloud.s3.endpoint", proxy::endpoint);
        registry.add("govcloud.s3.max-attempts", () -> "6");
        registry.add("govcloud.s3.object-retries", () -> "4");
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @Test
    void throttlingResetsAndCutBodiesStillGiveExactTotals() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        String account = "300000000001";
        String user = "arn:aws:iam::" + account + ":user/u";
        Map<String, Long> expected = new TreeMap<>();
        long expectedBytes = 0;
        LocalDate day = LocalDate.parse("2026-10-05");
        for (int f = 0; f < 8; f++) {
            List<String> events = new ArrayList<>();
            for (int e = 0; e < 200; e++) {
                String name = "Api" + (e % 7);
                events.add(LogTree.event("2026-10-05T%02d:%02d:%02dZ".formatted(f, e / 60, e % 60), "ec2.amazonaws.com",
                        name, user, null));
                expected.merge(name, 1L, Long::sum);
            }
            tree.cloudTrail(account, "ap-northeast-1", day, "20261005T%02d05Z".formatted(f), events);
            List<String> flows = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                flows.add(LogTree.v2(account, "eni-f" + f, "10.1.0." + i % 250, "10.100.0.1", 1000 + i, 443, 2, 77L + i,
                        day.atTime(f, 0).toEpochSecond(java.time.ZoneOffset.UTC) + i, "ACCEPT"));
                expectedBytes += 77L + i;
            }
            tree.flow(account, "ap-northeast-1", day, "20261005T%02d10Z".formatted(f), LogTree.V2_HEADER, flows);
        }
        S3TestServer.get().upload(tree.root(), "faulty", "logs/");

        IngestLauncher.Outcome outcome = launcher.run(new IngestParameters(day, day, EnumSet.allOf(LogType.class),
                Set.of(), false, List.of("s3://faulty/logs"), 1), Duration.ZERO);

        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcome.summary().failedObjects()).isZero();
        assertThat(outcome.summary().objects()).isEqualTo(16);
        Map<String, Long> stored = new TreeMap<>();
        jdbc.query("SELECT event_name, SUM(events) FROM cloudtrail_daily WHERE account_id = ? GROUP BY event_name",
                rs -> {
                    stored.put(rs.getString(1), rs.getLong(2));
                }, account);
        assertThat(stored).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT SUM(bytes) FROM flow_daily WHERE account_id = ?", Long.class, account))
                .isEqualTo(expectedBytes);
        for (FaultInjectingProxy.Fault fault : FaultInjectingProxy.Fault.values()) {
            assertThat(proxy.injected(fault)).as("%s faults injected", fault).isPositive();
        }
    }
}
