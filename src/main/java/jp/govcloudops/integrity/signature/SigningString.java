package jp.govcloudops.integrity.signature;

import java.nio.charset.StandardCharsets;

import jp.govcloudops.integrity.digest.DigestFile;

/**
 * The string CloudTrail signs for a digest file: {@code digestEndTime} as written, the digest's bucket and key, the
 * hex SHA-256 of the uncompressed digest file and the previous digest's signature (the text {@code null} for a
 * starting digest), one per line.
 */
public final class SigningString {

    private SigningString() {
    }

    public static byte[] of(DigestFile digest, String uncompressedSha256Hex) {
        String previous = digest.previousDigestSignature() == null ? "null" : digest.previousDigestSignature();
        return (digest.digestEndTimeText() + "\n" + digest.digestS3Bucket() + "/" + digest.digestS3Object() + "\n"
                + uncompressedSha256Hex + "\n" + previous).getBytes(StandardCharsets.UTF_8);
    }
}
