package jp.govcloudops.integrity.check;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jp.govcloudops.integrity.digest.DigestFile;
import jp.govcloudops.integrity.digest.DigestNames;

/** What {@link StreamCheck} reads: a stream's digests and log files as found, and how to hash and find keys. */
public final class StreamInputs {

    private StreamInputs() {
    }

    /**
     * A digest object as read: its key, the parsed file (null when it could not be read, with {@code error}), the
     * hex SHA-256 of its uncompressed bytes, and its signature (S3 metadata or sidecar; null when neither).
     */
    public record Digest(String key, DigestFile file, String error, String sha256, String signature) {

        public String fileName() {
            return DigestNames.fileName(key);
        }

        public boolean backfill() {
            return DigestNames.isBackfill(key);
        }

        /**
         * The UTC hour the digest stands for: the hour holding the middle of its period (CloudTrail's periods run
         * from a few minutes past one hour to the same minute of the next). An unreadable digest goes by its name.
         */
        public Instant hour() {
            if (file != null) {
                Instant start = file.digestStartTime();
                Instant middle = start.plus(Duration.between(start, file.digestEndTime()).dividedBy(2));
                return middle.truncatedTo(ChronoUnit.HOURS);
            }
            Instant end = DigestNames.endTime(key);
            return end == null ? null : end.minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.HOURS);
        }
    }

    /** A CloudTrail log object of the stream, with the delivery time its name states. */
    public record LogObject(String key, Instant deliveredAt) {

        public String fileName() {
            return DigestNames.fileName(key);
        }
    }

    /** A log file's content could not be read (bad gzip): CloudTrail wrote it readable, so it has changed. */
    public static final class UnreadableContentException extends IOException {
        public UnreadableContentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The hex SHA-256 of a log object's uncompressed content. */
    public interface Hasher {
        String sha256(LogObject object) throws IOException;
    }

    /** The public key with a fingerprint, for a digest of a region. */
    public interface Keys {
        Optional<PublicKey> find(String fingerprint, String region);
    }
}
