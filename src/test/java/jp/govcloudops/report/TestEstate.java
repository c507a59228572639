package jp.govcloudops.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a small, deterministic estate of CloudTrail and VPC flow-log objects in the AWS key layout, one object of
 * each per account and UTC day: reads, writes (some failing with AccessDenied), a deployment role, a root sign-in,
 * and flows between on-premises (LGCS 10.1/16), ASP (10.2/16), the VPCs (10.0/16) and the internet.
 */
public final class TestEstate {

    public static final String REGION = "ap-northeast-1";
    public static final String DEPLOY_ROLE = "GCTemplateDeployRole";

    private final Path root;
    private final List<String> accounts;
    private final int eventsPerDay;
    private final int flowsPerDay;

    public TestEstate(Path root, List<String> accounts, int eventsPerDay, int flowsPerDay) {
        this.root = root;
        this.accounts = accounts;
        this.eventsPerDay = eventsPerDay;
        this.flowsPerDay = flowsPerDay;
    }

    /** Writes every account's objects for the UTC folder days {@code from..to}, skipping {@code missing} for the first account. */
    public void write(LocalDate from, LocalDate to, LocalDate missingFlowDay) throws IOException {
        for (String account : accounts) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                Random random = new Random(account.hashCode() * 31L + day.toEpochDay());
                cloudTrail(account, day, random);
                if (!(account.equals(accounts.get(0)) && day.equals(missingFlowDay))) {
                    flows(account, day, random);
                }
            }
        }
    }

    private Path folder(String account, String service, LocalDate day) throws IOException {
        Path dir = root.resolve("AWSLogs/" + account + "/" + service + "/" + REGION + "/"
                + String.format("%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
        Files.createDirectories(dir);
        return dir;
    }

    private void cloudTrail(String account, LocalDate day, Random random) throws IOException {
        String stamp = String.format("%04d%02d%02dT2355Z", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        Path file = folder(account, "CloudTrail", day).resolve(account + "_CloudTrail_" + REGION + "_" + stamp + "_a1b2.json.gz");
        try (Writer w = gzipWriter(file)) {
            w.write("{\"Records\":[");
            for (int i = 0; i < eventsPerDay; i++) {
                long second = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + random.nextInt(86_400);
                String time = java.time.Instant.ofEpochSecond(second).toString();
                int kind = i % 10;
                String source;
                String name;
                boolean readOnly;
                String identity;
                String error = null;
                if (kind < 5) {
                    source = "ec2.amazonaws.com";
                    name = "DescribeInstances";
                    readOnly = true;
                    identity = assumed(account, "OpsReadOnly");
                } else if (kind < 7) {
                    source = "s3.amazonaws.com";
                    name = "PutObject";
                    readOnly = false;
                    identity = assumed(account, "AppServerRole");
                } else if (kind == 7) {
                    source = "iam.amazonaws.com";
                    name = "CreateAccessKey";
                    readOnly = false;
                    identity = user(account, "batch-user");
                    error = "AccessDenied";
                } else if (kind == 8 && (day.getDayOfMonth() == 12 || day.getDayOfMonth() == 26)) {
                    source = "cloudformation.amazonaws.com";
                    name = "UpdateStack";
                    readOnly = false;
                    identity = assumed(account, DEPLOY_ROLE);
                } else {
                    source = "ec2.amazonaws.com";
                    name = "AuthorizeSecurityGroupIngress";
                    readOnly = false;
                    identity = assumed(account, "NetworkAdmin");
                }
                if (i > 0) {
                    w.write(',');
                }
                w.write("{\"eventVersion\":\"1.09\",\"userIdentity\":" + identity + ",\"eventTime\":\"" + time
                        + "\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\",\"awsRegion\":\"" + REGION
                        + "\",\"sourceIPAddress\":\"10.1.0." + (1 + i % 20) + "\",\"userAgent\":\"aws-cli/2\","
                        + (error == null ? "" : "\"errorCode\":\"" + error + "\",\"errorMessage\":\"denied\",")
                        + "\"readOnly\":" + readOnly + ",\"eventType\":\"AwsApiCall\",\"eventID\":\"" + account + "-" + day
                        + "-" + i + "\",\"recipientAccountId\":\"" + account + "\"}");
            }
            if (day.getDayOfMonth() == 7) {
                long second = day.atTime(1, 15).toEpochSecond(ZoneOffset.UTC);
                w.write(",{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"Root\",\"arn\":\"arn:aws:iam::" + account
                        + ":root\",\"accountId\":\"" + account + "\"},\"eventTime\":\"" + java.time.Instant.ofEpochSecond(second)
                        + "\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"" + REGION
                        + "\",\"sourceIPAddress\":\"198.51.100.7\",\"readOnly\":false,\"eventType\":\"AwsConsoleSignIn\","
                        + "\"responseElements\":{\"ConsoleLogin\":\"Success\"},\"additionalEventData\":{\"MFAUsed\":\"No\"},"
                        + "\"eventID\":\"root-" + account + "-" + day + "\",\"recipientAccountId\":\"" + account + "\"}");
            }
            w.write("]}");
        }
    }

    private static String assumed(String account, String role) {
        return "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::" + account + ":assumed-role/" + role + "/s1\",\"accountId\":\""
                + account + "\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::" + account
                + ":role/" + role + "\"}}}";
    }

    private static String user(String account, String name) {
        return "{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::" + account + ":user/" + name + "\",\"accountId\":\"" + account
                + "\",\"userName\":\"" + name + "\"}";
    }

    private void flows(String account, LocalDate day, Random random) throws IOException {
        String stamp = String.format("%04d%02d%02dT2355Z", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        Path file = folder(account, "vpcflowlogs", day).resolve(account + "_vpcflowlogs_" + REGION + "_fl-0abc_" + stamp + "_c3d4.log.gz");
        try (Writer w = gzipWriter(file)) {
            w.write("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n");
            for (int i = 0; i < flowsPerDay; i++) {
                long start = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + random.nextInt(86_000);
                String src;
                String dst;
                switch (i % 4) {
                    case 0 -> { src = "10.1.2." + (1 + i % 50); dst = "10.0.1." + (1 + i % 30); }
                    case 1 -> { src = "10.0.1." + (1 + i % 30); dst = "10.2.5." + (1 + i % 40); }
                    case 2 -> { src = "10.0.1." + (1 + i % 30); dst = "10.0.2." + (1 + i % 30); }
                    default -> { src = "203.0.113." + (1 + i % 200); dst = "10.0.1." + (1 + i % 30); }
                }
                boolean reject = i % 4 == 3 && i % 8 == 3;
                long bytes = 500 + random.nextInt(200_000);
                w.write("2 " + account + " eni-0" + (i % 5) + " " + src + " " + dst + " " + (1024 + i) + " 443 6 "
                        + (1 + bytes / 1000) + " " + bytes + " " + start + " " + (start + 60) + " "
                        + (reject ? "REJECT" : "ACCEPT") + " OK\n");
            }
        }
    }

    private static Writer gzipWriter(Path file) throws IOException {
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    }
}
