package jp.govcloudops.integrity.digest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What digest and log file keys say by their names. Files are matched by name, not by full key: the name holds the
 * account, region and time, and stays the same when an operator's copy sits under another prefix or layout.
 */
public final class DigestNames {

    public static final String SIGNATURE_SUFFIX = ".signature";

    /** {@code <account>_CloudTrail-Digest_<region>_<trail>_<home region>_<YYYYMMDDTHHmmssZ>[_backfill].json.gz}. */
    private static final Pattern DIGEST = Pattern.compile(".*_CloudTrail-Digest_.*_(\\d{8}T\\d{6}Z)(_backfill)?\\.json(\\.gz)?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private DigestNames() {
    }

    public static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    public static boolean isDigest(String key) {
        return DIGEST.matcher(fileName(key)).matches();
    }

    public static boolean isBackfill(String key) {
        Matcher m = DIGEST.matcher(fileName(key));
        return m.matches() && m.group(2) != null;
    }

    /** The digest's end time as its name states it, or null for a name that is not a digest's. */
    public static Instant endTime(String key) {
        Matcher m = DIGEST.matcher(fileName(key));
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
