package jp.govcloudops.integrity.signature;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

import jp.govcloudops.integrity.digest.DigestFile;

/** Verifies a digest file's RSA signature over its {@link SigningString}. */
public final class DigestSignatures {

    private DigestSignatures() {
    }

    /** Whether {@code signatureHex} is the digest's signature; false also for text that is not hex. */
    public static boolean verify(DigestFile digest, String uncompressedSha256Hex, String signatureHex, PublicKey key)
            throws GeneralSecurityException {
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(signatureHex.strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        Signature verifier = Signature.getInstance(javaAlgorithm(digest.signatureAlgorithm()));
        verifier.initVerify(key);
        verifier.update(SigningString.of(digest, uncompressedSha256Hex));
        try {
            return verifier.verify(signature);
        } catch (java.security.SignatureException malformed) {
            return false;
        }
    }

    /** CloudTrail names its algorithm as Java does ({@code SHA256withRSA}); only RSA with SHA-256 is known. */
    public static boolean supported(String algorithm) {
        return "SHA256withRSA".equalsIgnoreCase(algorithm);
    }

    private static String javaAlgorithm(String algorithm) throws GeneralSecurityException {
        if (!supported(algorithm)) {
            throw new GeneralSecurityException("unknown digest signature algorithm " + algorithm);
        }
        return "SHA256withRSA";
    }
}
