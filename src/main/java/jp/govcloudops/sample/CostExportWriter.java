package jp.govcloudops.sample;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import jp.govcloudops.format.cost.CostLineItem;
import jp.govcloudops.format.cost.CostSchema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes line items as an AWS Data Exports file: CUR 2.0 (snake_case, costs as DOUBLE, the {@code product} map) or
 * FOCUS 1.0 (PascalCase, costs as DECIMAL), in Parquet (Snappy) or CSV (plain or gzip). The columns are a subset of
 * the AWS column dictionaries, enough for every tool that reads the usual dashboards' columns. Streams: one item
 * at a time.
 */
public abstract class CostExportWriter implements Closeable {

    public enum Format {
        PARQUET, CSV, CSV_GZIP
    }

    private static final DateTimeFormatter CUR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FOCUS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final int COST_SCALE = 10;

    public abstract void write(CostLineItem item) throws IOException;

    public static CostExportWriter open(CostSchema schema, Format format, Path file) throws IOException {
        if (schema == CostSchema.CUR_LEGACY) {
            throw new IllegalArgumentException("legacy CUR is read, not written");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean focus = schema == CostSchema.FOCUS;
        return format == Format.PARQUET ? new ParquetExport(focus, file) : new CsvExport(focus, file,
                format == Format.CSV_GZIP);
    }

    static final List<String> CUR_COLUMNS = List.of("identity_line_item_id", "bill_billing_period_start_date",
            "bill_payer_account_id", "line_item_usage_account_id", "line_item_usage_account_name",
            "line_item_line_item_type", "line_item_usage_start_date", "line_item_usage_end_date",
            "line_item_product_code", "line_item_usage_type", "line_item_operation", "line_item_resource_id",
            "line_item_usage_amount", "line_item_currency_code", "line_item_unblended_cost",
            "pricing_public_on_demand_cost", "product", "product_region_code", "product_servicecode",
            "savings_plan_savings_plan_effective_cost");

    static final List<String> FOCUS_COLUMNS = List.of("BillingAccountId", "BillingAccountName", "BillingCurrency",
            "BillingPeriodStart", "BillingPeriodEnd", "ChargeCategory", "ChargeDescription", "ChargePeriodStart",
            "ChargePeriodEnd", "BilledCost", "EffectiveCost", "ListCost", "ConsumedQuantity", "InvoiceIssuerName",
            "ProviderName", "PublisherName", "RegionId", "ResourceId", "ServiceCategory", "ServiceName",
            "SubAccountId", "SubAccountName", "x_ServiceCode", "x_UsageType");

    private static BigDecimal savingsPlanEffective(CostLineItem item) {
        return item.lineItemType().equals("SavingsPlanCoveredUsage") ? item.effectiveCost() : BigDecimal.ZERO;
    }

    private static Instant periodEnd(CostLineItem item) {
        return item.billingPeriod().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Instant periodStart(CostLineItem item) {
        return item.billingPeriod().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String lineItemId(CostLineItem item) {
        return Integer.toHexString((item.accountId() + item.usageType() + item.start() + item.resourceId()).hashCode());
    }

    private static final class CsvExport extends CostExportWriter {
        private final boolean focus;
        private final CSVPrinter printer;

        CsvExport(boolean focus, Path file, boolean gzip) throws IOException {
            this.focus = focus;
            OutputStream out = Files.newOutputStream(file);
            if (gzip) {
                out = new GZIPOutputStream(out, 64 * 1024);
            }
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader((focus ? FOCUS_COLUMNS : CUR_COLUMNS).toArray(new String[0])).get());
        }

        @Override
        public void write(CostLineItem i) throws IOException {
            if (focus) {
                printer.printRecord(i.payerAccountId(), "Government Cloud", i.currency(),
                        FOCUS_TIME.format(periodStart(i)), FOCUS_TIME.format(periodEnd(i)), i.chargeCategory(),
                        i.usageType(), FOCUS_TIME.format(i.start()), FOCUS_TIME.format(i.end()),
                        i.unblendedCost().toPlainString(), i.effectiveCost().toPlainString(),
                        i.unblendedCost().toPlainString(), i.usageAmount().toPlainString(),
                        "Amazon Web Services, Inc.", "AWS", "Amazon Web Services, Inc.", i.region(), i.resourceId(),
                        i.serviceCategory(), i.serviceName(), i.accountId(), i.accountName(), i.serviceCode(),
                        i.usageType());
            } else {
                String product = "{\"product_name\":\"" + i.serviceName() + "\",\"region\":\"" + i.region()
                        + "\",\"servicecode\":\"" + i.serviceCode() + "\"}";
                printer.printRecord(lineItemId(i), CUR_TIME.format(periodStart(i)), i.payerAccountId(),
                        i.accountId(), i.accountName(), i.lineItemType(), CUR_TIME.format(i.start()),
                        CUR_TIME.format(i.end()), i.serviceCode(), i.usageType(), i.operation(), i.resourceId(),
                        i.usageAmount().toPlainString(), i.currency(), i.unblendedCost().toPlainString(),
                        i.unblendedCost().toPlainString(), product, i.region(), i.serviceCode(),
                        savingsPlanEffective(i).toPlainString());
            }
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }

    private static final class ParquetExport extends CostExportWriter {
        private final boolean focus;
        private final ParquetWriter<Group> writer;
        private final SimpleGroupFactory groups;

        ParquetExport(boolean focus, Path file) throws IOException {
            this.focus = focus;
            MessageType schema = focus ? focusSchema() : curSchema();
            groups = new SimpleGroupFactory(schema);
            writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withConf(new PlainParquetConfiguration())
                    .withType(schema)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withRowGroupSize(4L * 1024 * 1024)
                    .build();
        }

        private static MessageType curSchema() {
            var b = Types.buildMessage();
            for (String column : CUR_COLUMNS) {
                switch (column) {
                    case "bill_billing_period_start_date", "line_item_usage_start_date", "line_item_usage_end_date" ->
                            b.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true,
                                    LogicalTypeAnnotation.TimeUnit.MILLIS)).named(column);
                    case "line_item_usage_amount", "line_item_unblended_cost", "pricing_public_on_demand_cost",
                            "savings_plan_savings_plan_effective_cost" ->
                            b.optional(PrimitiveTypeName.DOUBLE).named(column);
                    case "product" -> b.optionalGroup().as(LogicalTypeAnnotation.mapType())
                            .repeatedGroup()
                            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("key")
                            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("value")
                            .named("key_value")
                            .named(column);
                    default -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                            .named(column);
                }
            }
            return b.named("cur2");
        }

        private static MessageType focusSchema() {
            var b = Types.buildMessage();
            for (String column : FOCUS_COLUMNS) {
                switch (column) {
                    case "BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd" ->
                            b.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true,
                                    LogicalTypeAnnotation.TimeUnit.MICROS)).named(column);
                    case "BilledCost", "EffectiveCost" -> b.optional(PrimitiveTypeName.BINARY)
                            .as(LogicalTypeAnnotation.decimalType(COST_SCALE, 38)).named(column);
                    case "ListCost", "ConsumedQuantity" -> b.optional(PrimitiveTypeName.DOUBLE).named(column);
                    default -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                            .named(column);
                }
            }
            return b.named("focus");
        }

        @Override
        public void write(CostLineItem i) throws IOException {
            Group g = groups.newGroup();
            if (focus) {
                g.append("BillingAccountId", i.payerAccountId()).append("BillingAccountName", "Government Cloud")
                        .append("BillingCurrency", i.currency())
                        .append("BillingPeriodStart", micros(periodStart(i)))
                        .append("BillingPeriodEnd", micros(periodEnd(i)))
                        .append("ChargeCategory", i.chargeCategory()).append("ChargeDescription", i.usageType())
                        .append("ChargePeriodStart", micros(i.start())).append("ChargePeriodEnd", micros(i.end()))
                        .append("BilledCost", decimal(i.unblendedCost()))
                        .append("EffectiveCost", decimal(i.effectiveCost()))
                        .append("ListCost", i.unblendedCost().doubleValue())
                        .append("ConsumedQuantity", i.usageAmount().doubleValue())
                        .append("InvoiceIssuerName", "Amazon Web Services, Inc.").append("ProviderName", "AWS")
                        .append("PublisherName", "Amazon Web Services, Inc.").append("RegionId", i.region())
                        .append("ResourceId", i.resourceId()).append("ServiceCategory", i.serviceCategory())
                        .append("ServiceName", i.serviceName()).append("SubAccountId", i.accountId())
                        .append("SubAccountName", i.accountName()).append("x_ServiceCode", i.serviceCode())
                        .append("x_UsageType", i.usageType());
            } else {
                g.append("identity_line_item_id", lineItemId(i))
                        .append("bill_billing_period_start_date", periodStart(i).toEpochMilli())
                        .append("bill_payer_account_id", i.payerAccountId())
                        .append("line_item_usage_account_id", i.accountId())
                        .append("line_item_usage_account_name", i.accountName())
                        .append("line_item_line_item_type", i.lineItemType())
                        .append("line_item_usage_start_date", i.start().toEpochMilli())
                        .append("line_item_usage_end_date", i.end().toEpochMilli())
                        .append("line_item_product_code", i.serviceCode())
                        .append("line_item_usage_type", i.usageType())
                        .append("line_item_operation", i.operation())
                        .append("line_item_resource_id", i.resourceId())
                        .append("line_item_usage_amount", i.usageAmount().doubleValue())
                        .append("line_item_currency_code", i.currency())
                        .append("line_item_unblended_cost", i.unblendedCost().doubleValue())
                        .append("pricing_public_on_demand_cost", i.unblendedCost().doubleValue());
                Group product = g.addGroup("product");
                product.addGroup("key_value").append("key", "product_name").append("value", i.serviceName());
                product.addGroup("key_value").append("key", "region").append("value", i.region());
                product.addGroup("key_value").append("key", "servicecode").append("value", i.serviceCode());
                g.append("product_region_code", i.region()).append("product_servicecode", i.serviceCode())
                        .append("savings_plan_savings_plan_effective_cost", savingsPlanEffective(i).doubleValue());
            }
            writer.write(g);
        }

        private static long micros(Instant instant) {
            return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
        }

        private static Binary decimal(BigDecimal value) {
            return Binary.fromConstantByteArray(value.setScale(COST_SCALE, java.math.RoundingMode.UNNECESSARY)
                    .unscaledValue().toByteArray());
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
