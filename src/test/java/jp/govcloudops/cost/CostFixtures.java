package jp.govcloudops.cost;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jp.govcloudops.format.cost.CostLineItem;
import jp.govcloudops.format.cost.CostSchema;
import jp.govcloudops.sample.CostExportWriter;

/**
 * Deterministic cost line items for tests: a few accounts over a month, hourly-ish usage of several services,
 * a Savings Plan covered usage line (effective below billed), a negative credit, monthly tax without region.
 */
public final class CostFixtures {

    public static final String PAYER = "999999999999";
    public static final String WELFARE = "111111111111";
    public static final String RECEIPT = "222222222222";
    public static final String NETWORK = "444444444444";

    private CostFixtures() {
    }

    /** Line items of {@code month} up to and including {@code lastDay}; {@code dailyScale} per account multiplies. */
    public static List<CostLineItem> month(YearMonth month, LocalDate lastDay, long seed) {
        Random random = new Random(seed);
        List<CostLineItem> items = new ArrayList<>();
        String[][] accounts = {{WELFARE, "生活保護本番"}, {RECEIPT, "レセプト管理本番"}, {NETWORK, "ネットワーク"}};
        String[][] services = {
                {"AmazonEC2", "Amazon Elastic Compute Cloud", "Compute", "ap-northeast-1", "APN1-BoxUsage:m6i.large"},
                {"AmazonRDS", "Amazon Relational Database Service", "Databases", "ap-northeast-1", "APN1-InstanceUsage"},
                {"AmazonS3", "Amazon Simple Storage Service", "Storage", "ap-northeast-3", "APN3-TimedStorage-ByteHrs"},
                {"AmazonVPC", "Amazon Virtual Private Cloud", "Networking", "ap-northeast-1", "APN1-TransitGateway-Hours"}};
        for (LocalDate day = month.atDay(1); !day.isAfter(lastDay) && !day.isAfter(month.atEndOfMonth());
                day = day.plusDays(1)) {
            for (String[] account : accounts) {
                for (String[] service : services) {
                    for (int hour = 0; hour < 24; hour += 8) {
                        Instant start = day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
                        BigDecimal cost = BigDecimal.valueOf(random.nextInt(5_000_000), 6)
                                .add(BigDecimal.valueOf(random.nextInt(1000), 10));
                        boolean covered = service[0].equals("AmazonEC2") && hour == 8;
                        BigDecimal effective = covered ? cost.multiply(new BigDecimal("0.72"))
                                .setScale(10, java.math.RoundingMode.HALF_UP) : cost;
                        items.add(item(month, account, service, covered ? "SavingsPlanCoveredUsage" : "Usage",
                                start, start.plusSeconds(8 * 3600), cost, effective, service[3]));
                    }
                }
            }
        }
        for (String[] account : accounts) {
            Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            BigDecimal tax = BigDecimal.valueOf(random.nextInt(900_000), 4);
            items.add(item(month, account, new String[] {"AWS", "Tax", "Other", "", "Tax"}, "Tax", start, end, tax,
                    tax, ""));
            Instant creditDay = lastDay.atStartOfDay().toInstant(ZoneOffset.UTC);
            BigDecimal credit = BigDecimal.valueOf(-random.nextInt(50_000), 5);
            items.add(item(month, account, services[0], "Credit", creditDay, creditDay.plusSeconds(3600), credit,
                    credit, services[0][3]));
        }
        return items;
    }

    private static CostLineItem item(YearMonth month, String[] account, String[] service, String type, Instant start,
            Instant end, BigDecimal cost, BigDecimal effective, String region) {
        return new CostLineItem(month, PAYER, account[0], account[1], service[0], service[1], service[2], region,
                service[4], "RunInstances", type, start, end, cost, effective, BigDecimal.ONE, "USD",
                "arn:aws:ec2:" + region + ":" + account[0] + ":instance/i-0" + Math.abs(start.hashCode()));
    }

    /** Writes items as one export file under {@code <root>/<export>/data/BILLING_PERIOD=YYYY-MM/}. */
    public static Path writeExport(Path root, String export, CostSchema schema, CostExportWriter.Format format,
            YearMonth month, List<CostLineItem> items, Instant deliveredAt) throws IOException {
        String extension = switch (format) {
            case PARQUET -> ".snappy.parquet";
            case CSV -> ".csv";
            case CSV_GZIP -> ".csv.gz";
        };
        Path file = root.resolve(export).resolve("data").resolve("BILLING_PERIOD=" + month)
                .resolve(export + "-00001" + extension);
        write(file, schema, format, items);
        Files.setLastModifiedTime(file, FileTime.from(deliveredAt));
        Path manifest = root.resolve(export).resolve("metadata").resolve("BILLING_PERIOD=" + month)
                .resolve(export + "-Manifest.json");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "{\"exportName\":\"" + export + "\"}");
        return file;
    }

    public static void write(Path file, CostSchema schema, CostExportWriter.Format format, List<CostLineItem> items)
            throws IOException {
        try (CostExportWriter writer = CostExportWriter.open(schema, format, file)) {
            for (CostLineItem item : items) {
                writer.write(item);
            }
        }
    }
}
