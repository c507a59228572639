package jp.govcloudops.integrity.signature;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * RSA public keys as CloudTrail hands them out. {@code ListPublicKeys} documents its {@code Value} as a DER key
 * "in PKCS #1 format", and AWS's own examples hold both a bare PKCS #1 {@code RSAPublicKey} and an X.509
 * {@code SubjectPublicKeyInfo}; both are accepted. The fingerprint is the hex MD5 of the DER bytes as given: the
 * examples' fingerprints are exactly that, for either form.
 */
public final class RsaKeys {

    /** DER of the rsaEncryption AlgorithmIdentifier (OID 1.2.840.113549.1.1.1 with NULL parameters). */
    private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");

    private RsaKeys() {
    }

    public static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** The key, from a SubjectPublicKeyInfo or a PKCS #1 RSAPublicKey. */
    public static PublicKey parse(byte[] der) throws GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        try {
            return rsa.generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException notSpki) {
            return rsa.generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo(der)));
        }
    }

    /** Wraps a PKCS #1 RSAPublicKey in the SubjectPublicKeyInfo that Java's key factory reads. */
    static byte[] subjectPublicKeyInfo(byte[] pkcs1) {
        ByteArrayOutputStream bitString = new ByteArrayOutputStream();
        bitString.write(0); // no unused bits
        bitString.writeBytes(pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tlv(0x03, bitString.toByteArray()));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
