package jp.govcloudops.sample;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import jp.govcloudops.sample.SampleContext.Delivery;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static jp.govcloudops.sample.Json.obj;

/**
 * CloudTrail digest files under {@code CloudTrail-Digest/}: one per stream and hour in which log files were
 * delivered, listing those files with their SHA-256 and chained to the previous digest. Ingestion must skip them;
 * they are here so that it is seen to. (AWS also writes digests for hours without deliveries; the sample does not.)
 * Runs after {@link CloudTrailWriter}, whose deliveries it lists.
 */
public final class CloudTrailDigestWriter implements SampleWriter {

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
        return List.of(SampleContext.LOGS);
    }

    @Override
    public void write(SampleContext context) {
        Map<String, Map<Long, List<Delivery>>> byStream = new TreeMap<>();
        for (Delivery delivery : context.cloudTrailDeliveries()) {
            byStream.computeIfAbsent(delivery.accountId() + "/" + delivery.region(), k -> new TreeMap<>())
                    .computeIfAbsent(Math.floorDiv(delivery.deliveredAt(), 3600L), k -> new ArrayList<>())
                    .add(delivery);
        }
        String bucket = context.estate().logArchiveBucket();
        String fingerprint = context.seeds().id(RandomText.HEX, 32, name(), "public-key");
        for (Map.Entry<String, Map<Long, List<Delivery>>> stream : byStream.entrySet()) {
            String account = stream.getKey().substring(0, stream.getKey().indexOf('/'));
            String region = stream.getKey().substring(stream.getKey().indexOf('/') + 1);
            SplittableRandom random = context.seeds().stream(name(), account, region);
            String previousKey = null;
            byte[] previousHash = null;
            String previousSignature = null;
            for (Map.Entry<Long, List<Delivery>> hour : stream.getValue().entrySet()) {
                long start = hour.getKey() * 3600L;
                long end = start + 3600L;
                long written = end + 60 + random.nextInt(240);
                List<Delivery> files = hour.getValue();
                ArrayNode logFiles = Json.arr();
                long oldest = Long.MAX_VALUE;
                long newest = Long.MIN_VALUE;
                for (Delivery file : files) {
                    oldest = Math.min(oldest, file.oldestEvent());
                    newest = Math.max(newest, file.newestEvent());
                    logFiles.add(obj("s3Bucket", bucket, "s3Object", file.key(), "hashValue",
                            HEX.formatHex(file.sha256()), "hashAlgorithm", "SHA-256", "newestEventTime",
                            Json.iso(file.newestEvent()), "oldestEventTime", Json.iso(file.oldestEvent())));
                }
                String key = "AWSLogs/" + account + "/CloudTrail-Digest/" + region + "/"
                        + CloudTrailWriter.datePath(written) + "/" + account + "_CloudTrail-Digest_" + region + "_"
                        + context.estate().trailName() + "_" + region + "_"
                        + STAMP.format(Instant.ofEpochSecond(written)) + ".json.gz";
                ObjectNode digest = obj("awsAccountId", account, "digestStartTime", Json.iso(start),
                        "digestEndTime", Json.iso(end), "digestS3Bucket", bucket, "digestS3Object", key,
                        "digestPublicKeyFingerprint", fingerprint, "digestSignatureAlgorithm", "SHA256withRSA",
                        "newestEventTime", Json.iso(newest), "oldestEventTime", Json.iso(oldest),
                        "previousDigestS3Bucket", previousKey == null ? null : bucket,
                        "previousDigestS3Object", previousKey,
                        "previousDigestHashValue", previousHash == null ? null : HEX.formatHex(previousHash),
                        "previousDigestHashAlgorithm", previousKey == null ? null : "SHA-256",
                        "previousDigestSignature", previousSignature, "logFiles", logFiles);
                byte[] gz = ObjectSink.gzip(JSON.writeValueAsBytes(digest));
                context.writeLog(name(), key, gz, 0);
                previousKey = key;
                previousHash = CloudTrailWriter.sha256(gz);
                previousSignature = RandomText.of(random, RandomText.HEX, 512);
            }
        }
    }
}
