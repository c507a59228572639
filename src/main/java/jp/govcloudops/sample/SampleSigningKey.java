package jp.govcloudops.sample;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Random;

/**
 * The sample's own CloudTrail signing key: a 2048-bit RSA key pair made from the sample seed, so that the same seed
 * gives the same key and byte-identical digests and signatures. (Java's key generator draws from a SecureRandom
 * that cannot be seeded reproducibly everywhere, so the primes are drawn here from a seeded generator.) It stands
 * in for the key AWS keeps per region; it protects nothing.
 */
final class SampleSigningKey {

    private static final BigInteger E = BigInteger.valueOf(65537);

    private SampleSigningKey() {
    }

    static KeyPair of(Seeds seeds) {
        Random random = new Random(seeds.stream("cloudtrail-digest", "signing-key").nextLong());
        while (true) {
            BigInteger p = BigInteger.probablePrime(1024, random);
            BigInteger q = BigInteger.probablePrime(1024, random);
            BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
            BigInteger n = p.multiply(q);
            if (p.equals(q) || !phi.gcd(E).equals(BigInteger.ONE) || n.bitLength() != 2048) {
                continue;
            }
            BigInteger d = E.modInverse(phi);
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(n, E));
                RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new RSAPrivateCrtKeySpec(n, E, d,
                        p, q, d.mod(p.subtract(BigInteger.ONE)), d.mod(q.subtract(BigInteger.ONE)), q.modInverse(p)));
                return new KeyPair(publicKey, privateKey);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA is part of every Java runtime", e);
            }
        }
    }
}
