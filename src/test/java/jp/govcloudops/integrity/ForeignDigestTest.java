package jp.govcloudops.integrity;

import static jp.govcloudops.integrity.TrailIntegrityCommandTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

import jp.govcloudops.integrity.digest.DigestFile;
import jp.govcloudops.integrity.digest.DigestParser;
import jp.govcloudops.integrity.signature.PublicKeyEntry;
import jp.govcloudops.integrity.signature.PublicKeyFile;
import jp.govcloudops.integrity.signature.RsaKeys;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digest files and public key lists as AWS documents them (src/test/resources/integrity/awsdocs, with their source
 * and licence): they read without error, their fingerprints are the MD5 of the DER key in either DER form, and a
 * digest whose key this host does not have is "public key not available", never "invalid".
 */
class ForeignDigestTest {

    @TempDir
    Path tmp;

    @Test
    void awsDigestExamplesParse() throws Exception {
        DigestFile digest = DigestParser.parse(resource("digest-file-contents.json"));
        assertThat(digest.awsAccountId()).isEqualTo("111122223333");
        assertThat(digest.digestEndTime()).isEqualTo(Instant.parse("2015-08-17T15:01:31Z"));
        assertThat(digest.digestEndTimeText()).isEqualTo("2015-08-17T15:01:31Z");
        assertThat(digest.publicKeyFingerprint()).isEqualTo("31e8b5433410dfb61a9dc45cc65b22ff");
        assertThat(digest.starting()).isFalse();
        assertThat(digest.logFiles()).singleElement().satisfies(f -> {
            assertThat(f.s3Object()).endsWith("_20150817T1445Z_9nYN7gp2eWAJHIfT.json.gz");
            assertThat(f.hashValue()).isEqualTo("9bb6196fc6b84d6f075a56548feca262bd99ba3c2de41b618e5b6e22c1fc71f6");
        });
        DigestFile empty = DigestParser.parse(resource("empty-digest-file.json"));
        assertThat(empty.logFiles()).isEmpty();
        assertThat(empty.previousDigestSignature()).hasSize(512);
    }

    @Test
    void awsPublicKeyListReadsWithFingerprintsOfEitherDerForm() throws Exception {
        Path file = tmp.resolve("keys.json");
        Files.write(file, resource("list-public-keys-response.json"));
        PublicKeyFile.Contents contents = PublicKeyFile.read(file);
        assertThat(contents.refused()).isEmpty();
        assertThat(contents.keys()).extracting(PublicKeyEntry::fingerprint).containsExactly(
                "8eba5db5bea9b640d1c96a77256fe7f2", "8933b39ddc64d26d8e14ffbf6566fee4", "31e8b5433410dfb61a9dc45cc65b22ff");
        assertThat(contents.keys().get(0).validFrom()).isEqualTo(Instant.ofEpochSecond(1436317441));
        for (PublicKeyEntry key : contents.keys()) {
            // PKCS #1 RSAPublicKey (the first two) and SubjectPublicKeyInfo (the third) both load.
            assertThat(((RSAPublicKey) RsaKeys.parse(key.der())).getModulus().bitLength()).isEqualTo(2048);
        }
    }

    @Test
    void aKeyWhoseFingerprintIsNotItsOwnIsRefused() throws Exception {
        Path file = tmp.resolve("keys.json");
        Files.writeString(file, new String(resource("list-public-keys-response.json"))
                .replace("8eba5db5bea9b640d1c96a77256fe7f2", "31e8b5433410dfb61a9dc45cc65b22ff"));
        PublicKeyFile.Contents contents = PublicKeyFile.read(file);
        assertThat(contents.keys()).hasSize(2);
        assertThat(contents.refused()).singleElement().asString().contains("PublicKeyList[0]")
                .contains("is not the key's (MD5 8eba5db5bea9b640d1c96a77256fe7f2)");
    }

    @Test
    void awsDigestsWithAnUnknownKeyAreNotInvalid() throws Exception {
        Path logs = tmp.resolve("logs");
        for (String name : new String[] {"digest-file-contents.json", "empty-digest-file.json"}) {
            DigestFile digest = DigestParser.parse(resource(name));
            Path target = logs.resolve(digest.digestS3Object());
            Files.createDirectories(target.getParent());
            Files.write(target, TrailIntegrityCommandTest.gzip(new String(resource(name))));
            // An operator's copy of the signature, as the runbook says to keep it (not this digest's real one).
            Files.writeString(target.resolveSibling(target.getFileName() + ".signature"), "00ff".repeat(128));
        }
        String db = TestStore.h2(tmp.resolve("db"));
        CliRun run = CliRun.of("--db=" + db, "--source=" + logs, "verify-trail", "--from=2015-08-17",
                "--to=2015-08-20");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.COMPLETED_WITH_GAPS);
        assertThat(rows(db, "SELECT DISTINCT status FROM trail_integrity_problems WHERE object_key LIKE '%Digest%'"
                + " AND status NOT IN ('DIGEST_MISSING') ORDER BY status")).containsExactly("PUBLIC_KEY_NOT_AVAILABLE");
        assertThat(rows(db, "SELECT COUNT(*) FROM trail_integrity_problems WHERE status IN"
                + " ('DIGEST_SIGNATURE_INVALID', 'DIGEST_UNREADABLE')")).containsExactly("0");
        // The log file the first digest lists is not in this copy.
        assertThat(rows(db, "SELECT object_key FROM trail_integrity_problems WHERE status = 'LOG_FILE_MISSING'"))
                .singleElement().asString().endsWith("_20150817T1445Z_9nYN7gp2eWAJHIfT.json.gz");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ForeignDigestTest.class.getResourceAsStream("/integrity/awsdocs/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
