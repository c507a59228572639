package jp.govcloudops.integrity.digest;

import java.time.Instant;
import java.util.List;

/**
 * One CloudTrail digest file, as CloudTrail writes it: the log files delivered to the bucket in
 * [{@code digestStartTime}, {@code digestEndTime}) with the SHA-256 of each one's uncompressed content, and the
 * previous digest of the chain. {@code digestEndTimeText} is the field exactly as written, because the signed
 * string holds it as written. Previous-digest fields are null in a trail's starting digest.
 */
public record DigestFile(String awsAccountId, Instant digestStartTime, Instant digestEndTime, String digestEndTimeText,
        String digestS3Bucket, String digestS3Object, String publicKeyFingerprint, String signatureAlgorithm,
        String previousDigestS3Bucket, String previousDigestS3Object, String previousDigestHashValue,
        String previousDigestHashAlgorithm, String previousDigestSignature, List<LogFile> logFiles) {

    public DigestFile {
        logFiles = List.copyOf(logFiles);
    }

    /** One log file the digest vouches for. */
    public record LogFile(String s3Bucket, String s3Object, String hashValue, String hashAlgorithm) {
    }

    /** A trail's first digest after logging or validation (re)started: it continues no chain. */
    public boolean starting() {
        return previousDigestS3Object == null;
    }
}
