package jp.govcloudops.detect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes CloudTrail and flow-log objects in the AWSLogs key layout of a local source directory. */
final class LogFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "111122223333";
    static final String REGION = "ap-northeast-1";

    private LogFixtures() {
    }

    /** A CloudTrail object delivered in the folder of {@code delivered}'s UTC date. */
    static Path cloudTrail(Path root, String account, Instant delivered, List<? extends JsonNode> records)
            throws IOException {
        var t = delivered.atOffset(ZoneOffset.UTC);
        Path dir = root.resolve(String.format("AWSLogs/%s/CloudTrail/%s/%04d/%02d/%02d", account, REGION, t.getYear(),
                t.getMonthValue(), t.getDayOfMonth()));
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format("%s_CloudTrail_%s_%04d%02d%02dT%02d%02dZ_%s.json.gz", account, REGION,
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                UUID.randomUUID().toString().substring(0, 8)));
        rewrite(file, records);
        return file;
    }

    /** Replaces an object's content (same key, new ETag). */
    static void rewrite(Path file, List<? extends JsonNode> records) throws IOException {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.putArray("Records").addAll(records.stream().map(JsonNode.class::cast).toList());
        gzip(file, wrapper.toString());
    }

    /** A v2 flow-log text object (header line, then the given lines) for {@code account}. */
    static Path flowLog(Path root, String account, Instant delivered, List<String> lines) throws IOException {
        var t = delivered.atOffset(ZoneOffset.UTC);
        Path dir = root.resolve(String.format("AWSLogs/%s/vpcflowlogs/%s/%04d/%02d/%02d", account, REGION, t.getYear(),
                t.getMonthValue(), t.getDayOfMonth()));
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format("%s_vpcflowlogs_%s_fl-0123_%04d%02d%02dT%02d%02dZ_%s.log.gz", account,
                REGION, t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                UUID.randomUUID().toString().substring(0, 8)));
        StringBuilder text = new StringBuilder("version account-id interface-id srcaddr dstaddr srcport dstport protocol"
                + " packets bytes start end action log-status\n");
        lines.forEach(l -> text.append(l).append('\n'));
        gzip(file, text.toString());
        return file;
    }

    /** One v2 flow line. */
    static String flow(String account, String eni, String src, String dst, int srcPort, int dstPort, int protocol,
            long packets, long bytes, Instant start, String action) {
        long s = start.getEpochSecond();
        return String.join(" ", "2", account, eni, src, dst, Integer.toString(srcPort), Integer.toString(dstPort),
                Integer.toString(protocol), Long.toString(packets), Long.toString(bytes), Long.toString(s),
                Long.toString(s + 60), action, "OK");
    }

    static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A management event by IAM user {@code user}, with {@code extra} fields laid over it. */
    static ObjectNode event(Instant time, String source, String name, String user, Map<String, ?> extra) {
        ObjectNode r = JSON.createObjectNode();
        r.put("eventVersion", "1.09");
        r.put("eventTime", time.toString());
        r.put("eventSource", source);
        r.put("eventName", name);
        r.put("awsRegion", REGION);
        r.put("sourceIPAddress", "203.0.113.10");
        r.put("userAgent", "aws-cli/2.15.0");
        r.set("userIdentity", JSON.valueToTree(Map.of("type", "IAMUser", "arn", "arn:aws:iam::" + ACCOUNT + ":user/"
                + user, "accountId", ACCOUNT, "userName", user, "accessKeyId", "AKIA" + user.toUpperCase())));
        r.put("eventType", "AwsApiCall");
        r.put("readOnly", name.startsWith("Describe") || name.startsWith("List") || name.startsWith("Get"));
        r.put("eventID", UUID.randomUUID().toString());
        r.put("recipientAccountId", ACCOUNT);
        extra.forEach((k, v) -> r.set(k, JSON.valueToTree(v)));
        return r;
    }
}
