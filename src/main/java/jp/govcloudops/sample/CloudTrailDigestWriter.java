package jp.govcloudops.sample;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.govcloudops.sample.SampleContext.Delivery;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static jp.govcloudops.sample.Json.obj;

/**
 * CloudTrail digest files under {@code CloudTrail-Digest/}, as CloudTrail writes them with log file validation on:
 * one per stream and hour from the first hour of the sample to the hour of the sample's last delivery (hours
 * without deliveries get an empty digest, as AWS's do), listing the log files delivered in the hour with the
 * SHA-256 of their uncompressed content, chained to the previous digest and signed (SHA256withRSA over the signing
 * string AWS documents) with the sample's own key ({@link SampleSigningKey}). A local copy has no S3 metadata, so
 * each signature is written beside its digest as {@code <digest>.signature}; the public key is written under
 * {@code keys/} in the format of {@code aws cloudtrail list-public-keys} output, for
 * {@code govcloud.integrity.public-key-files}. Runs after {@link CloudTrailWriter}, whose deliveries it lists.
 */
public final class CloudTrailDigestWriter implements SampleWriter {

    static final String PUBLIC_KEY_FILE = "keys/cloudtrail-public-keys.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public String name() {
        return "cloudtrail-digest";
    }

    @Override
    public List<String> ownedPaths() {
        return List.of(SampleContext.LOGS, "keys");
    }

    @Override
    public void write(SampleContext context) {
        Map<String, TreeMap<Long, List<Delivery>>> byStream = new TreeMap<>();
        for (Delivery delivery : context.cloudTrailDeliveries()) {
            byStream.computeIfAbsent(delivery.accountId() + "/" + delivery.region(), k -> new TreeMap<>())
                    .computeIfAbsent(Math.floorDiv(delivery.deliveredAt(), 3600L), k -> new ArrayList<>())
                    .add(delivery);
        }
        KeyPair signingKey = SampleSigningKey.of(context.seeds());
        byte[] der = signingKey.getPublic().getEncoded();
        String fingerprint = HEX.formatHex(digest("MD5", der));
        long firstHour = context.options().from().atStartOfDay().toEpochSecond(ZoneOffset.UTC) / 3600L;
        String bucket = context.estate().logArchiveBucket();
        // Every stream's chain runs to the same last hour, as every region's trail keeps delivering digests.
        long lastHour = byStream.values().stream().mapToLong(TreeMap::lastKey).max().orElse(firstHour - 1);
        for (Map.Entry<String, TreeMap<Long, List<Delivery>>> stream : byStream.entrySet()) {
            String account = stream.getKey().substring(0, stream.getKey().indexOf('/'));
            String region = stream.getKey().substring(stream.getKey().indexOf('/') + 1);
            String previousKey = null;
            byte[] previousHash = null;
            String previousSignature = null;
            for (long hour = firstHour; hour <= lastHour; hour++) {
                long start = hour * 3600L;
                long end = start + 3600L;
                ArrayNode logFiles = Json.arr();
                Long oldest = null;
                Long newest = null;
                for (Delivery file : stream.getValue().getOrDefault(hour, List.of())) {
                    oldest = oldest == null ? file.oldestEvent() : Math.min(oldest, file.oldestEvent());
                    newest = newest == null ? file.newestEvent() : Math.max(newest, file.newestEvent());
                    logFiles.add(obj("s3Bucket", bucket, "s3Object", file.key(), "hashValue",
                            HEX.formatHex(file.sha256()), "hashAlgorithm", "SHA-256", "newestEventTime",
                            Json.iso(file.newestEvent()), "oldestEventTime", Json.iso(file.oldestEvent())));
                }
                // Named and filed by the end of its period, as CloudTrail does.
                String key = "AWSLogs/" + account + "/CloudTrail-Digest/" + region + "/"
                        + CloudTrailWriter.datePath(end) + "/" + account + "_CloudTrail-Digest_" + region + "_"
                        + context.estate().trailName() + "_" + region + "_"
                        + STAMP.format(Instant.ofEpochSecond(end)) + ".json.gz";
                ObjectNode digest = obj("awsAccountId", account, "digestStartTime", Json.iso(start),
                        "digestEndTime", Json.iso(end), "digestS3Bucket", bucket, "digestS3Object", key,
                        "digestPublicKeyFingerprint", fingerprint, "digestSignatureAlgorithm", "SHA256withRSA",
                        "newestEventTime", newest == null ? null : Json.iso(newest),
                        "oldestEventTime", oldest == null ? null : Json.iso(oldest),
                        "previousDigestS3Bucket", previousKey == null ? null : bucket,
                        "previousDigestS3Object", previousKey,
                        "previousDigestHashValue", previousHash == null ? null : HEX.formatHex(previousHash),
                        "previousDigestHashAlgorithm", previousKey == null ? null : "SHA-256",
                        "previousDigestSignature", previousSignature, "logFiles", logFiles);
                byte[] plain = JSON.writeValueAsBytes(digest);
                byte[] hash = digest("SHA-256", plain);
                String signature = sign(signingKey, Json.iso(end) + "\n" + bucket + "/" + key + "\n" + HEX.formatHex(hash)
                        + "\n" + (previousSignature == null ? "null" : previousSignature));
                context.writeLog(name(), key, ObjectSink.gzip(plain), 0);
                context.writeLog(name() + "-signature", key + ".signature",
                        signature.getBytes(StandardCharsets.US_ASCII), 0);
                previousKey = key;
                previousHash = hash;
                previousSignature = signature;
            }
        }
        writePublicKey(context, der, fingerprint, firstHour * 3600L, (lastHour + 1) * 3600L);
    }

    /** The key as {@code aws cloudtrail list-public-keys} would print it, valid over the sample's digests. */
    private void writePublicKey(SampleContext context, byte[] der, String fingerprint, long from, long to) {
        ObjectNode entry = obj("Value", Base64.getEncoder().encodeToString(der), "ValidityStartTime",
                Json.iso(from), "ValidityEndTime", Json.iso(to), "Fingerprint", fingerprint);
        ObjectNode file = obj("PublicKeyList", Json.arr().add(entry));
        context.sink().write(name() + "-public-key", PUBLIC_KEY_FILE,
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(file), 0);
        context.publicKeyFile(PUBLIC_KEY_FILE);
    }

    private static String sign(KeyPair key, String signingString) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.getPrivate());
            rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every Java runtime", e);
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
