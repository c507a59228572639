package jp.govcloudops.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jp.govcloudops.config.S3Properties;
import jp.govcloudops.support.LatencyProxy;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Many S3 requests in flight, over HTTP through a proxy that holds each request 30 ms: objects fetched ahead of one
 * reading thread, within the memory budget, byte for byte as a direct read; and folder listings in parallel giving
 * the same partitions as listing one folder after the other.
 */
class S3RequestsInFlightTest {

    private static final int OBJECT_SIZE = 10_000;

    static LatencyProxy proxy;
    static S3RequestGauge gauge = new S3RequestGauge();
    static S3Client s3;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        proxy = new LatencyProxy(S3TestServer.get().endpoint(), Duration.ofMillis(30));
        s3 = S3ClientFactory.create(new S3Properties("ap-northeast-1", URI.create(proxy.endpoint()), true, 3, 1,
                Duration.ofSeconds(30), 8, DataSize.ofMegabytes(64), 16), gauge);
    }

    @AfterAll
    static void stop() {
        s3.close();
        proxy.close();
    }

    private S3ObjectSource objects(String bucket, int count, int largeOnes) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(bucket));
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[i < largeOnes ? OBJECT_SIZE * 10 : OBJECT_SIZE];
            random.nextBytes(bytes);
            Files.write(dir.resolve("o%03d.bin".formatted(i)), bytes);
        }
        S3TestServer.get().upload(dir, bucket, "objs/");
        return new S3ObjectSource(s3, bucket, "objs/");
    }

    private void readAllAsDirectly(S3ObjectSource source, PrefetchedObjects ahead, List<SourceObject> listed)
            throws IOException {
        for (SourceObject object : listed) {
            try (InputStream prefetched = ahead.open(object)) {
                assertThat(prefetched.readAllBytes()).as(object.key())
                        .isEqualTo(Files.readAllBytes(tmp.resolve(source.location().split("/")[2])
                                .resolve(object.key().substring("objs/".length()))));
            }
        }
    }

    @Test
    void oneReadingThreadKeepsManyObjectReadsInFlight() throws IOException {
        S3ObjectSource source = objects("ahead", 24, 0);
        List<SourceObject> listed = source.listObjects("objs/");
        proxy.reset();
        long gets = gauge.requests().getOrDefault("GetObject", 0L);
        try (ObjectPrefetch prefetch = new ObjectPrefetch(8, DataSize.ofMegabytes(64).toBytes());
                PrefetchedObjects ahead = prefetch.ahead(source, listed)) {
            readAllAsDirectly(source, ahead, listed);
            assertThat(prefetch.figures().objects()).isEqualTo(24);
            assertThat(gauge.requests().get("GetObject") - gets).isEqualTo(24);
            assertThat(gauge.maxInFlight()).isBetween(4, 8 + 16);
            assertThat(gauge.describe()).startsWith("S3 requests:").contains(" GetObject ").contains(" in flight");
            assertThat(prefetch.figures().maxInFlight()).isBetween(4, 8);
        }
        assertThat(proxy.requests(LatencyProxy.Kind.GET)).isEqualTo(24);
        assertThat(proxy.maxInFlight(LatencyProxy.Kind.GET)).isBetween(4, 8);
    }

    @Test
    void theBudgetBoundsWhatIsFetchedAheadAndALargerObjectIsStreamed() throws IOException {
        S3ObjectSource source = objects("budget", 12, 1);
        List<SourceObject> listed = source.listObjects("objs/");
        proxy.reset();
        try (ObjectPrefetch prefetch = new ObjectPrefetch(8, 3L * OBJECT_SIZE);
                PrefetchedObjects ahead = prefetch.ahead(source, listed)) {
            readAllAsDirectly(source, ahead, listed);
            // the first object, ten times the others, is larger than the whole budget
            assertThat(prefetch.figures().objects()).isEqualTo(11);
            assertThat(prefetch.figures().maxInFlight()).isBetween(2, 3);
        }
        assertThat(proxy.requests(LatencyProxy.Kind.GET)).isEqualTo(12);
        // three fetched ahead, and the large one read by the reading thread itself
        assertThat(proxy.maxInFlight(LatencyProxy.Kind.GET)).isLessThanOrEqualTo(4);
    }

    @Test
    void aFailedDownloadFailsTheOpenWithTheSameFaultAndAFreshReadTriesAgain() throws IOException {
        S3ObjectSource source = objects("gone", 4, 0);
        List<SourceObject> listed = source.listObjects("objs/");
        S3TestServer.get().client().deleteObject(b -> b.bucket("gone").key(listed.get(2).key()));
        try (ObjectPrefetch prefetch = new ObjectPrefetch(8, DataSize.ofMegabytes(64).toBytes());
                PrefetchedObjects ahead = prefetch.ahead(source, listed)) {
            ahead.open(listed.get(0)).close();
            ahead.open(listed.get(1)).close();
            assertThatThrownBy(() -> ahead.open(listed.get(2))).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(ReadFaults.describe(e)).startsWith("S3 returned HTTP 404"));
            assertThatThrownBy(() -> ahead.open(listed.get(2))).isInstanceOf(S3Exception.class);
            try (InputStream last = ahead.open(listed.get(3))) {
                assertThat(last.readAllBytes()).hasSize(OBJECT_SIZE);
            }
        }
    }

    @Test
    void foldersListedInParallelGiveTheSamePartitionsAsOneAfterTheOther() throws IOException {
        LogTree tree = new LogTree(tmp.resolve("tree"));
        LocalDate day = LocalDate.parse("2026-10-02");
        for (int a = 0; a < 12; a++) {
            String account = "7000000000%02d".formatted(a);
            for (String region : List.of("ap-northeast-1", "ap-northeast-3", "us-east-1")) {
                tree.cloudTrail(account, region, a % 3 == 0 ? day.minusDays(40) : day, "20261002T0000Z",
                        List.of(LogTree.event("2026-10-02T00:00:00Z", "ec2.amazonaws.com", "RunInstances",
                                "arn:aws:iam::" + account + ":user/u", null)));
            }
        }
        S3TestServer.get().upload(tree.root(), "walk", "");
        S3ObjectSource source = new S3ObjectSource(s3, "walk", "");
        ExecutorService listings = Executors.newFixedThreadPool(16);
        try {
            proxy.reset();
            List<AwsLogsLayout.Discovered> parallel = new AwsLogsLayout(source, listings)
                    .discover(day.minusDays(1), day, EnumSet.allOf(LogType.class), a -> true);
            int parallelLists = proxy.requests(LatencyProxy.Kind.LIST);
            assertThat(proxy.maxInFlight(LatencyProxy.Kind.LIST)).isGreaterThanOrEqualTo(8);
            proxy.reset();
            List<AwsLogsLayout.Discovered> sequential = new AwsLogsLayout(source)
                    .discover(day.minusDays(1), day, EnumSet.allOf(LogType.class), a -> true);
            assertThat(proxy.maxInFlight(LatencyProxy.Kind.LIST)).isEqualTo(1);
            assertThat(proxy.requests(LatencyProxy.Kind.LIST)).isEqualTo(parallelLists);

            assertThat(parallel).isEqualTo(sequential).hasSize(12 * 3 * 2);
            assertThat(parallel).filteredOn(AwsLogsLayout.Discovered::folderListed).hasSize(8 * 3);
        } finally {
            listings.shutdownNow();
        }
    }
}
