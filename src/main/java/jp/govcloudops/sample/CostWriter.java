package jp.govcloudops.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import jp.govcloudops.format.cost.CostLineItem;
import jp.govcloudops.format.cost.CostSchema;
import jp.govcloudops.sample.SampleEstate.Account;

/**
 * {@code cost/}: the estate's AWS Data Exports, a CUR 2.0 export ({@code gcas-cur2}) and a FOCUS 1.0 export
 * ({@code gcas-focus}) of the same daily line items, in the AWS layout
 * {@code cost/<export>/data/BILLING_PERIOD=YYYY-MM/<export>-00001.snappy.parquet} with a manifest under
 * {@code metadata/}. Costs are on-demand prices of the estate's instances, databases, transit gateway, endpoints
 * and governance services, lower on weekends and holidays for what scales with use.
 *
 * <p>The cost story: 児童扶養手当, the system that is being built this year, starts a load-test fleet of
 * c6i.4xlarge instances on the day 45 % into the range and leaves it running. Its month-end forecast passes its
 * budget within two days and its actual cost passes 80 % and then 100 % of the budget around days 19 and 21 of a
 * 31-day month; every other account stays near two thirds of its budget. The budgets and rules are written into
 * the sample configuration by {@link #configuration}.
 */
public final class CostWriter implements SampleWriter {

    static final String DIR = "cost";
    static final String PAYER = "100000000001";
    static final String SPIKE_ACCOUNT = "741806352913";

    /** One priced usage line of an account: daily quantity at a unit price; {@code elastic} varies with use. */
    record Usage(String region, String serviceCode, String serviceName, String category, String usageType,
            String operation, String unit, BigDecimal dailyQuantity, BigDecimal unitPrice, boolean elastic) {
    }

    private final CostExportWriter.Format format;

    public CostWriter() {
        this(CostExportWriter.Format.PARQUET);
    }

    /** A writer in another format (CSV, gzip CSV), for tests that read the same exports as text. */
    public CostWriter(CostExportWriter.Format format) {
        this.format = format;
    }

    @Override
    public String name() {
        return "cost";
    }

    @Override
    public List<String> ownedPaths() {
        return List.of(DIR);
    }

    @Override
    public void write(SampleContext context) throws IOException {
        Map<YearMonth, List<CostLineItem>> byMonth = new TreeMap<>();
        for (LocalDate day : context.options().days()) {
            byMonth.computeIfAbsent(YearMonth.from(day), m -> new ArrayList<>()).addAll(lineItems(context, day));
        }
        for (Map.Entry<YearMonth, List<CostLineItem>> month : byMonth.entrySet()) {
            writeExport(context, "gcas-cur2", CostSchema.CUR, month.getKey(), month.getValue());
            writeExport(context, "gcas-focus", CostSchema.FOCUS, month.getKey(), month.getValue());
        }
    }

    /** The day's line items of every account, in a fixed order. */
    List<CostLineItem> lineItems(SampleContext context, LocalDate day) {
        SampleEstate estate = context.estate();
        boolean busy = estate.calendar().isBusinessDay(day);
        Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = start.plusSeconds(86_400);
        List<CostLineItem> items = new ArrayList<>();
        for (Account account : estate.accounts()) {
            SplittableRandom random = context.seeds().stream(name(), account.id(), day);
            for (Usage usage : usage(account, spikeStart(context.options()), day)) {
                BigDecimal quantity = usage.dailyQuantity();
                if (usage.elastic()) {
                    double factor = (busy ? 1.0 : 0.7) * (0.9 + 0.2 * random.nextDouble());
                    quantity = quantity.multiply(BigDecimal.valueOf(Math.round(factor * 10_000), 4));
                }
                quantity = quantity.setScale(6, RoundingMode.HALF_UP);
                BigDecimal cost = quantity.multiply(usage.unitPrice()).setScale(10, RoundingMode.HALF_UP);
                items.add(new CostLineItem(YearMonth.from(day), PAYER, account.id(), account.system(),
                        usage.serviceCode(), usage.serviceName(), usage.category(), usage.region(),
                        usage.usageType(), usage.operation(), "Usage", start, end, cost, cost, quantity, "USD",
                        resourceId(account, usage)));
            }
        }
        return items;
    }

    /** The first day of the load-test fleet: 45 % into the range. */
    static LocalDate spikeStart(SampleOptions options) {
        long days = options.days().size();
        return options.from().plusDays(Math.round(days * 0.45));
    }

    static List<Usage> usage(Account account, LocalDate spikeStart, LocalDate day) {
        String tokyo = SampleEstate.TOKYO;
        String osaka = SampleEstate.OSAKA;
        List<Usage> lines = new ArrayList<>();
        switch (account.slug()) {
            case "network" -> {
                lines.add(vpc(tokyo, "APN1-TransitGateway-Hours", "TransitGatewayVPC", "Hrs", "72", "0.07", false));
                lines.add(vpc(tokyo, "APN1-TransitGateway-Bytes", "TransitGatewayVPC", "GB", "220", "0.02", true));
                lines.add(ec2(tokyo, "APN1-NatGateway-Hours", "NatGateway", "Hrs", "24", "0.062", false));
                lines.add(ec2(tokyo, "APN1-NatGateway-Bytes", "NatGateway", "GB", "35", "0.062", true));
                lines.add(ec2(tokyo, "APN1-BoxUsage:m6i.large", "RunInstances", "Hrs", "48", "0.124", false));
                lines.add(new Usage(tokyo, "AWSELB", "Elastic Load Balancing", "Networking",
                        "APN1-LoadBalancerUsage", "LoadBalancing:Application", "Hrs", bd("24"), bd("0.0243"), false));
                lines.add(new Usage(tokyo, "AmazonRoute53", "Amazon Route 53", "Networking",
                        "APN1-ResolverNetworkInterface", "ResolverEndpoint", "Hrs", bd("48"), bd("0.125"), false));
                lines.add(governance(tokyo, "AmazonGuardDuty", "Amazon GuardDuty", "APN1-PaidEventsAnalyzed", "2.1"));
                lines.add(governance(tokyo, "AWSConfig", "AWS Config", "APN1-ConfigurationItemRecorded", "1.4"));
                lines.add(governance(tokyo, "AWSSecurityHub", "AWS Security Hub", "APN1-PaidComplianceCheck", "0.9"));
                lines.add(new Usage(tokyo, "AmazonS3", "Amazon Simple Storage Service", "Storage",
                        "APN1-TimedStorage-ByteHrs", "StandardStorage", "GB-Mo", bd("4.2"), bd("0.025"), false));
                lines.add(vpc(osaka, "APN3-TransitGateway-Hours", "TransitGatewayVPC", "Hrs", "24", "0.07", false));
            }
            case "seikatsu-hogo" -> {
                lines.add(ec2(tokyo, "APN1-BoxUsage:m6i.xlarge", "RunInstances", "Hrs", "96", "0.248", false));
                lines.add(ec2(tokyo, "APN1-BoxUsage:m6i.large", "RunInstances:0002", "Hrs", "24", "0.216", false));
                lines.add(rds(tokyo, "APN1-InstanceUsage:db.m6i.xlarge", "CreateDBInstance:0012", "24", "1.1"));
                lines.add(ec2(tokyo, "APN1-EBS:VolumeUsage.gp3", "CreateVolume-Gp3", "GB-Mo", "32", "0.0768", false));
                lines.add(vpc(tokyo, "APN1-VpcEndpoint-Hours", "VpcEndpoint", "Hrs", "72", "0.014", false));
                lines.add(governance(tokyo, "AmazonCloudWatch", "AmazonCloudWatch", "APN1-CW:MetricMonitorUsage",
                        "0.8"));
                lines.add(governance(tokyo, "AWSBackup", "AWS Backup", "APN1-WarmStorage-ByteHrs-EBS", "2.0"));
                lines.add(rds(osaka, "APN3-InstanceUsage:db.m6i.xlarge", "CreateDBInstance:0012", "12", "1.1"));
            }
            case "receipt" -> {
                lines.add(ec2(tokyo, "APN1-BoxUsage:m6i.xlarge", "RunInstances", "Hrs", "72", "0.248", false));
                lines.add(rds(tokyo, "APN1-Multi-AZUsage:db.r6g.xlarge", "CreateDBInstance:0014", "24", "1.1"));
                lines.add(ec2(tokyo, "APN1-EBS:VolumeUsage.gp3", "CreateVolume-Gp3", "GB-Mo", "26", "0.0768", false));
                lines.add(new Usage(tokyo, "AmazonS3", "Amazon Simple Storage Service", "Storage",
                        "APN1-Requests-Tier1", "PutObject", "Requests", bd("500"), bd("0.0047"), true));
                lines.add(governance(tokyo, "AmazonCloudWatch", "AmazonCloudWatch", "APN1-CW:MetricMonitorUsage",
                        "0.7"));
                lines.add(rds(osaka, "APN3-InstanceUsage:db.r6g.xlarge", "CreateDBInstance:0014", "24", "0.55"));
            }
            default -> {
                lines.add(ec2(tokyo, "APN1-BoxUsage:m6i.large", "RunInstances", "Hrs", "48", "0.124", false));
                lines.add(rds(tokyo, "APN1-InstanceUsage:db.m6g.large", "CreateDBInstance:0014", "24", "0.22"));
                lines.add(ec2(tokyo, "APN1-EBS:VolumeUsage.gp3", "CreateVolume-Gp3", "GB-Mo", "13", "0.0768", false));
                lines.add(governance(tokyo, "AmazonCloudWatch", "AmazonCloudWatch", "APN1-CW:MetricMonitorUsage",
                        "0.4"));
                if (account.id().equals(SPIKE_ACCOUNT) && !day.isBefore(spikeStart)) {
                    lines.add(ec2(tokyo, "APN1-BoxUsage:c6i.4xlarge", "RunInstances", "Hrs", "144", "0.856",
                            false));
                    lines.add(ec2(tokyo, "APN1-DataTransfer-Regional-Bytes", "InterZone-In", "GB", "180", "0.01",
                            true));
                }
            }
        }
        return lines;
    }

    private void writeExport(SampleContext context, String export, CostSchema schema, YearMonth month,
            List<CostLineItem> items) throws IOException {
        String extension = switch (format) {
            case PARQUET -> ".snappy.parquet";
            case CSV -> ".csv";
            case CSV_GZIP -> ".csv.gz";
        };
        String data = DIR + "/" + export + "/data/BILLING_PERIOD=" + month + "/" + export + "-00001" + extension;
        Path file = context.sink().root().resolve(data);
        if (Files.exists(file)) {
            throw new IllegalStateException("two sample objects at the same path " + data);
        }
        try (CostExportWriter writer = CostExportWriter.open(schema, format, file)) {
            for (CostLineItem item : items) {
                writer.write(item);
            }
        }
        context.sink().count(name(), Files.size(file), items.size());
        String manifest = """
                {"exportName":"%s","exportType":"%s","billingPeriod":"%s","fileFormat":"%s","dataFiles":["%s"],\
                "lineItems":%d}
                """.formatted(export, schema == CostSchema.FOCUS ? "FOCUS 1.0" : "CUR 2.0", month,
                format == CostExportWriter.Format.PARQUET ? "parquet" : "csv", data, items.size());
        context.sink().write(name(), DIR + "/" + export + "/metadata/BILLING_PERIOD=" + month + "/" + export
                + "-Manifest.json", manifest.getBytes(StandardCharsets.UTF_8), 0);
    }

    /** The monthly budget (USD) of each account in the sample configuration. */
    static BigDecimal budget(Account account) {
        return switch (account.slug()) {
            case "network" -> bd("1500");
            case "seikatsu-hogo" -> bd("3500");
            case "receipt" -> bd("3000");
            default -> bd("1200");
        };
    }

    /** The system (one of the four the contract names) and a mailbox of an account. */
    static String system(Account account) {
        return account.name();
    }

    /**
     * The {@code govcloud.cost} section of the sample configuration: the export location and, per account, its
     * budget, the usual AWS Budgets rules (actual 80 % and 100 %, forecast 100 %) and recipients.
     */
    public static String configuration(SampleEstate estate, SampleOptions options, String costLocation) {
        StringBuilder yml = new StringBuilder();
        yml.append("  cost:\n")
                .append("    sources:\n")
                .append("      - ").append(costLocation).append('\n')
                .append("    accounts:\n");
        for (Account account : estate.accounts()) {
            yml.append("      - id: \"").append(account.id()).append("\"\n")
                    .append("        name: ").append(account.system()).append('\n')
                    .append("        system: ").append(system(account)).append('\n')
                    .append("        currency: USD\n")
                    .append("        monthly-budget: ").append(budget(account).toPlainString()).append('\n')
                    .append("        recipients: [").append(account.slug()).append("-kanri@pref.example.jp]\n")
                    .append("        notifications:\n")
                    .append("          - {type: ACTUAL, percent: 80}\n")
                    .append("          - {type: ACTUAL, percent: 100}\n")
                    .append("          - {type: FORECASTED, percent: 100, recipients: [zaisei@pref.example.jp]}\n");
        }
        return yml.toString();
    }

    private static Usage ec2(String region, String usageType, String operation, String unit, String quantity,
            String price, boolean elastic) {
        return new Usage(region, "AmazonEC2", "Amazon Elastic Compute Cloud", "Compute", usageType, operation, unit,
                bd(quantity), bd(price), elastic);
    }

    private static Usage vpc(String region, String usageType, String operation, String unit, String quantity,
            String price, boolean elastic) {
        return new Usage(region, "AmazonVPC", "Amazon Virtual Private Cloud", "Networking", usageType, operation,
                unit, bd(quantity), bd(price), elastic);
    }

    private static Usage rds(String region, String usageType, String operation, String hours, String price) {
        return new Usage(region, "AmazonRDS", "Amazon Relational Database Service", "Databases", usageType,
                operation, "Hrs", bd(hours), bd(price), false);
    }

    private static Usage governance(String region, String code, String name, String usageType, String dollars) {
        return new Usage(region, code, name, "Management and Governance", usageType, "Usage", "USD", bd(dollars),
                BigDecimal.ONE, true);
    }

    private static String resourceId(Account account, Usage usage) {
        return "arn:aws:" + usage.serviceCode().toLowerCase().replace("amazon", "").replace("aws", "") + ":"
                + usage.region() + ":" + account.id() + ":" + usage.usageType();
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
