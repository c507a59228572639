package jp.govcloudops.integrity.signature;

import java.time.Instant;

/**
 * A CloudTrail public key as {@code ListPublicKeys} returns it: the DER bytes, the fingerprint digest files name it
 * by, and its validity; {@code origin} says where it came from (a key file, or the API and region).
 */
public record PublicKeyEntry(String fingerprint, byte[] der, Instant validFrom, Instant validTo, String origin) {
}
