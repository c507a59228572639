package jp.govcloudops.archive;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;

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

    /** Flow logs: the numeric columns. */
    public static final String[] FLOW_INT32 = {"srcport", "dstport", "protocol", "tcp_flags"};
    public static final String[] FLOW_INT64 = {"packets", "bytes", "start", "end"};
    /** Flow logs: the text columns, addresses included. */
    public static final String[] FLOW_TEXT = {"account_id", "interface_id", "srcaddr", "dstaddr", "action",
        "log_status"};

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

    private static MessageType flow() {
        var b = Types.buildMessage();
        for (String column : FLOW_TEXT) {
            b.optional(PrimitiveTypeName.BINARY).as(stringType()).named(column);
        }
        for (String column : FLOW_INT32) {
            b.optional(PrimitiveTypeName.INT32).named(column);
        }
        for (String column : FLOW_INT64) {
            b.optional(PrimitiveTypeName.INT64).named(column);
        }
        b.required(PrimitiveTypeName.INT64).named(SEGMENT);
        return b.named("vpcflow");
    }
}
