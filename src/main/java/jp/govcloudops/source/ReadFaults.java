package jp.govcloudops.source;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Sorts the faults of reading an object, for every reader of objects (logs, cost exports): transient ones (S3 5xx
 * and 429, a connection that broke) are worth reading the object again; the rest (403, 404, 412, a file that is
 * gone) are not. Describes them for an operator.
 */
public final class ReadFaults {

    private ReadFaults() {
    }

    /**
     * Reads an object again after a transient fault (and only then): up to {@code retries} more times, waiting
     * 0.5 s, 1 s, 2 s ... at most 10 s between reads.
     */
    public static RetryTemplate retrying(int retries) {
        return new RetryTemplate(RetryPolicy.builder()
                .maxRetries(retries)
                .delay(Duration.ofMillis(500))
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(10))
                .predicate(ReadFaults::isTransient)
                .build());
    }

    /**
     * The fault to raise when a reader failed because the object's transfer broke off
     * ({@link CountingInputStream#transferFault()}), whatever the reader wrapped it in: the object is not bad, the
     * transfer was, so reading it again may succeed ({@link #isTransient} says yes).
     */
    public static IOException brokeOff(SourceObject object, long bytesRead, Throwable cause) {
        return new IOException("download of " + object.key() + " broke off after " + bytesRead + " of "
                + object.size() + " bytes", cause);
    }

    public static boolean isTransient(Throwable e) {
        if (e instanceof S3Exception s3) {
            int status = s3.statusCode();
            return status == 429 || status >= 500;
        }
        if (e instanceof NoSuchFileException) {
            return false;
        }
        return e instanceof SdkException || e instanceof IOException;
    }

    public static String describe(Throwable e) {
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? "" : " " + s3.awsErrorDetails().errorCode();
            String hint = switch (s3.statusCode()) {
                case 403 -> " (access denied: check the bucket policy and the role's s3:GetObject permission)";
                case 404 -> " (the object no longer exists)";
                case 412 -> " (the object changed while being read; the next run reads the new version)";
                default -> "";
            };
            return "S3 returned HTTP " + s3.statusCode() + code + hint;
        }
        if (e instanceof NoSuchFileException) {
            return "the object no longer exists";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
