package jp.govcloudops.archive;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;

import java.util.List;

import jp.govcloudops.format.flowlog.FlowField;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The archive's Parquet schemas, one per log type. Column names are snake_case, as in AWS's own Parquet exports, and
 * avoid {@code account}, {@code region} and {@code day}, which are the Hive partition keys of the paths. Every file
 * also has {@link #SEGMENT}: the part of ingestion (one read of one source object) a row came from, which lets a
 * partition's compaction drop exactly the rows of objects that were replaced.
 */
public final class ArchiveSchema {

    public static final String SEGMENT = "archive_segment";

    /** CloudTrail: text columns in file order after {@code event_time}. */
    public static final String[] CLOUDTRAIL_TEXT = {"event_version", "event_source", "event_name", "aws_region",
        "source_ip_address", "user_agent", "error_code", "error_message", "event_type", "recipient_account_id",
        "identity_type", "identity_arn", "identity_principal_id", "identity_access_key_id", "identity_account_id",
        "identity_user_name", "invoked_by", "session_issuer_arn", "mfa_authenticated", "mfa_used", "principal",
        "event_id", "request_id", "vpc_endpoint_id"};

    /** CloudTrail: JSON text columns, the values as written in the record. */
    public static final String[] CLOUDTRAIL_JSON = {"resources", "request_parameters", "response_elements"};

    public static final MessageType CLOUDTRAIL = cloudTrail();

    /** Flow logs: every field of versions 2 to 8, in {@link FlowField} order. */
    public static final List<FlowField> FLOW_FIELDS = List.of(FlowField.values());

    public static final MessageType VPCFLOW = flow();

    private ArchiveSchema() {
    }

    private static MessageType cloudTrail() {
        var b = Types.buildMessage();
        b.required(PrimitiveTypeName.INT64).as(timestampType(true, TimeUnit.MILLIS)).named("event_time");
        for (String column : CLOUDTRAIL_TEXT) {
            b.optional(PrimitiveTypeName.BINARY).as(stringType()).named(column);
        }
        b.optional(PrimitiveTypeName.BOOLEAN).named("read_only");
        for (String column : CLOUDTRAIL_JSON) {
            b.optional(PrimitiveTypeName.BINARY).as(stringType()).named(column);
        }
        b.required(PrimitiveTypeName.INT64).named(SEGMENT);
        return b.named("cloudtrail");
    }

    /**
     * A flow-log field's column: the field's name with underscores, as in AWS's Parquet flow logs, except
     * {@code region}, which is the Hive key of the paths: {@code record_region}.
     */
    public static String flowColumn(FlowField field) {
        return field == FlowField.REGION ? "record_region" : field.headerName().replace('-', '_');
    }

    /** The Parquet type of a flow-log field's column: the checked numbers are numbers, everything else text. */
    public static PrimitiveTypeName flowType(FlowField field) {
        return switch (field) {
            case VERSION, SRCPORT, DSTPORT, PROTOCOL, TCP_FLAGS -> PrimitiveTypeName.INT32;
            case PACKETS, BYTES, START, END -> PrimitiveTypeName.INT64;
            default -> PrimitiveTypeName.BINARY;
        };
    }

    private static MessageType flow() {
        var b = Types.buildMessage();
        for (FlowField field : FLOW_FIELDS) {
            PrimitiveTypeName type = flowType(field);
            if (type == PrimitiveTypeName.BINARY) {
                b.optional(type).as(stringType()).named(flowColumn(field));
            } else {
                b.optional(type).named(flowColumn(field));
            }
        }
        b.required(PrimitiveTypeName.INT64).named(SEGMENT);
        return b.named("vpcflow");
    }
}
