package jp.govcloudops.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small log objects in the AWS key layout for tests: exact records, exact keys, any bytes. */
public final class LogTree {

    private final Path root;

    public LogTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public static String cloudTrailFolder(String account, String region, LocalDate day) {
        return "AWSLogs/%s/CloudTrail/%s/%04d/%02d/%02d/".formatted(account, region, day.getYear(),
                day.getMonthValue(), day.getDayOfMonth());
    }

    public static String flowFolder(String account, String region, LocalDate day) {
        return "AWSLogs/%s/vpcflowlogs/%s/%04d/%02d/%02d/".formatted(account, region, day.getYear(),
                day.getMonthValue(), day.getDayOfMonth());
    }

    /** A CloudTrail object {@code {"Records":[...]}}; returns its key. */
    public String cloudTrail(String account, String region, LocalDate day, String stamp, List<String> records) {
        String key = cloudTrailFolder(account, region, day) + account + "_CloudTrail_" + region + "_" + stamp + "_"
                + Integer.toHexString((account + stamp + records.size()).hashCode()) + ".json.gz";
        write(key, gzip("{\"Records\":[" + String.join(",", records) + "]}"));
        return key;
    }

    /** A flow-log text object with a header line; returns its key. */
    public String flow(String account, String region, LocalDate day, String stamp, String header, List<String> lines) {
        String key = flowFolder(account, region, day) + account + "_vpcflowlogs_" + region + "_fl-0a1b2c_" + stamp
                + "_" + Integer.toHexString((account + stamp + lines.size()).hashCode()) + ".log.gz";
        StringBuilder text = new StringBuilder(header).append('\n');
        lines.forEach(l -> text.append(l).append('\n'));
        write(key, gzip(text.toString()));
        return key;
    }

    public void write(String key, byte[] bytes) {
        try {
            Path file = root.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(String text) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
            gz.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String event(String time, String source, String name, String principalArn, String error) {
        return """
                {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"%s",\
                "accountId":"111111111111","userName":"%s"},"eventTime":"%s","eventSource":"%s","eventName":"%s",\
                "awsRegion":"ap-northeast-1","sourceIPAddress":"203.0.113.10","userAgent":"aws-cli/2.15.0",%s\
                "requestParameters":{"a":[1,2,{"b":"c"}]},"responseElements":null,"readOnly":%s,\
                "eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111111111111",\
                "eventID":"%s","eventCategory":"Management"}"""
                .formatted(principalArn, principalArn.substring(principalArn.lastIndexOf('/') + 1), time, source, name,
                        error == null ? "" : "\"errorCode\":\"" + error + "\",\"errorMessage\":\"denied\",",
                        name.startsWith("Describe") || name.startsWith("List") || name.startsWith("Get"),
                        java.util.UUID.nameUUIDFromBytes((time + name + principalArn).getBytes()));
    }

    public static final String V2_HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol"
            + " packets bytes start end action log-status";

    public static String v2(String account, String eni, String src, String dst, int srcPort, int dstPort, long packets,
            long bytes, long start, String action) {
        return "2 %s %s %s %s %d %d 6 %d %d %d %d %s OK".formatted(account, eni, src, dst, srcPort, dstPort, packets,
                bytes, start, start + 60, action);
    }
}
