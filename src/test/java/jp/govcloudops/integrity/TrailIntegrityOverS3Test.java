package jp.govcloudops.integrity;

import static jp.govcloudops.integrity.TrailIntegrityCommandTest.allFiles;
import static jp.govcloudops.integrity.TrailIntegrityCommandTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.cli.GovcloudCli;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.S3TestServer;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * verify-trail against a real S3 API server over HTTP, where CloudTrail keeps each digest's signature: the object's
 * user metadata {@code x-amz-meta-signature} (no sidecar files in the bucket).
 */
class TrailIntegrityOverS3Test {

    private static final String BUCKET = "trail-integrity";

    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty("spring.config.additional-location");
        System.clearProperty("govcloud.s3.endpoint");
    }

    @Test
    void signaturesFromObjectMetadataVerifyAndADigestWithoutOneIsUnproven() throws Exception {
        Path sample = tmp.resolve("sample");
        assertThat(GovcloudCli.execute(GovcloudOpsApplication.class, "sample-data", "--from=2026-10-05", "--to=2026-10-05", "--scale=0.05",
                "--seed=5", "--out=" + sample)).isEqualTo(ExitCodes.OK);
        Path logs = sample.resolve("logs");
        S3TestServer s3 = S3TestServer.get();
        String unsigned = null;
        String changed = null;
        try (S3Client client = s3.client()) {
            client.createBucket(b -> b.bucket(BUCKET));
            for (Path file : allFiles(logs)) {
                String key = "org/" + logs.relativize(file).toString().replace('\\', '/');
                if (key.endsWith(".signature")) {
                    continue;
                }
                Path sidecar = file.resolveSibling(file.getFileName() + ".signature");
                Map<String, String> metadata = Map.of();
                if (Files.exists(sidecar)) {
                    if (unsigned == null && key.contains("527461930384_CloudTrail-Digest_ap-northeast-1")
                            && key.endsWith("T060000Z.json.gz")) {
                        unsigned = key;
                    } else {
                        metadata = Map.of("signature", Files.readString(sidecar, StandardCharsets.US_ASCII),
                                "signature-algorithm", "SHA256withRSA");
                    }
                }
                byte[] body = Files.readAllBytes(file);
                if (changed == null && key.contains("/527461930384/CloudTrail/ap-northeast-3/")) {
                    changed = key;
                    body = TrailIntegrityCommandTest.gzip(TrailIntegrityCommandTest.gunzip(body) + " ");
                }
                Map<String, String> m = metadata;
                client.putObject(b -> b.bucket(BUCKET).key(key).metadata(m), RequestBody.fromBytes(body));
            }
        }
        assertThat(unsigned).isNotNull();
        assertThat(changed).isNotNull();
        System.setProperty("govcloud.s3.endpoint", s3.endpoint());
        System.setProperty("spring.config.additional-location", sample.resolve("config/").toUri().toString());
        String db = TestStore.h2(tmp.resolve("db"));

        CliRun run = CliRun.of("--db=" + db, "--source=s3://" + BUCKET + "/org", "verify-trail", "--from=2026-10-05",
                "--to=2026-10-05");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.COMPLETED_WITH_GAPS);
        assertThat(rows(db, "SELECT status || ' ' || object_key FROM trail_integrity_problems ORDER BY status"))
                .containsExactlyInAnyOrder("SIGNATURE_NOT_AVAILABLE " + unsigned, "LOG_FILE_CHANGED " + changed);
        assertThat(rows(db, "SELECT COUNT(*) FROM trail_integrity WHERE status = 'VALID'"))
                .containsExactly(String.valueOf(8 * 24 - 2));
        assertThat(rows(db, "SELECT DISTINCT source FROM trail_integrity")).containsExactly("s3://" + BUCKET + "/org/");
    }
}
