package jp.govcloudops.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.govcloudops.integrity.check.HourResult;
import jp.govcloudops.integrity.check.IntegrityStatus;
import jp.govcloudops.integrity.check.Problem;
import jp.govcloudops.integrity.check.StreamCheck;
import jp.govcloudops.integrity.check.StreamInputs;
import jp.govcloudops.integrity.digest.DigestFile;
import org.junit.jupiter.api.Test;

/** The last hour of a stream: files no digest has covered yet wait a while before they count as added. */
class StreamCheckTest {

    private static final Instant FROM = Instant.parse("2026-10-05T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-10-06T00:00:00Z");
    private static final String KEY = "AWSLogs/111111111111/CloudTrail-Digest/ap-northeast-1/2026/10/05/"
            + "111111111111_CloudTrail-Digest_ap-northeast-1_t_ap-northeast-1_20261005T100000Z.json.gz";

    @Test
    void aFileAfterTheNewestDigestIsNotYetCoveredThenAdded() throws Exception {
        DigestFile file = new DigestFile("111111111111", Instant.parse("2026-10-05T09:00:00Z"),
                Instant.parse("2026-10-05T10:00:00Z"), "2026-10-05T10:00:00Z", "bucket", KEY, "ab", "SHA256withRSA",
                null, null, null, null, null, List.of());
        StreamInputs.Digest digest = new StreamInputs.Digest(KEY, file, null, "00", "00");
        StreamInputs.LogObject late = new StreamInputs.LogObject("AWSLogs/111111111111/CloudTrail/ap-northeast-1/"
                + "2026/10/05/111111111111_CloudTrail_ap-northeast-1_20261005T1012Z_abcdefghijklmnop.json.gz",
                Instant.parse("2026-10-05T10:12:00Z"));

        assertThat(statusOf(late, run(Instant.parse("2026-10-05T11:00:00Z"), digest, late)))
                .isEqualTo(IntegrityStatus.NOT_YET_COVERED);
        assertThat(IntegrityStatus.NOT_YET_COVERED.wrong()).isFalse();
        assertThat(statusOf(late, run(Instant.parse("2026-10-05T10:12:00Z").plus(Duration.ofHours(2)), digest, late)))
                .isEqualTo(IntegrityStatus.LOG_FILE_ADDED);
    }

    private static List<HourResult> run(Instant now, StreamInputs.Digest digest, StreamInputs.LogObject log)
            throws Exception {
        StreamInputs.Hasher hasher = l -> {
            throw new AssertionError("no file is listed");
        };
        return new StreamCheck("111111111111", "ap-northeast-1", FROM, TO, now, hasher, (f, r) -> Optional.empty())
                .run(List.of(digest), List.of(log));
    }

    private static IntegrityStatus statusOf(StreamInputs.LogObject log, List<HourResult> results) {
        return results.stream().flatMap(r -> r.problems().stream()).filter(p -> p.objectKey().equals(log.key()))
                .map(Problem::status).findFirst().orElseThrow();
    }
}
