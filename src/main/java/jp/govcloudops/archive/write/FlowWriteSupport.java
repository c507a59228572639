package jp.govcloudops.archive.write;

import java.util.List;

import jp.govcloudops.archive.ArchiveSchema;
import jp.govcloudops.format.flowlog.FlowField;
import jp.govcloudops.format.flowlog.FlowRecord;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * One flow-log record as a row of {@link ArchiveSchema#VPCFLOW}; an absent value ({@code -}) is a null. From a text
 * line, every field the file has goes in as written (text fields as their bytes in the line, no String made); the
 * numbers come from the reader's checked values. From a Parquet flow log, the fields the reader decodes go in.
 */
final class FlowWriteSupport extends RecordWriteSupport<FlowRecord> {

    private static final List<FlowField> FIELDS = ArchiveSchema.FLOW_FIELDS;
    private static final String[] NAMES = FIELDS.stream().map(ArchiveSchema::flowColumn).toArray(String[]::new);
    private static final PrimitiveTypeName[] TYPES = FIELDS.stream().map(ArchiveSchema::flowType)
            .toArray(PrimitiveTypeName[]::new);
    private static final int SEGMENT = FIELDS.size();

    FlowWriteSupport() {
        super(ArchiveSchema.VPCFLOW);
    }

    @Override
    void writeFields(FlowRecord r) {
        boolean text = r.fromText();
        for (int i = 0; i < NAMES.length; i++) {
            FlowField field = FIELDS.get(i);
            if (TYPES[i] == PrimitiveTypeName.BINARY) {
                if (text) {
                    if (r.hasFieldText(field)) {
                        int from = r.fieldStart(field);
                        int to = r.fieldEnd(field);
                        byte[] b = r.fieldBytes();
                        if (to - from != 1 || b[from] != '-') {
                            bytes(i, NAMES[i], b, from, to - from);
                        }
                    }
                } else {
                    text(i, NAMES[i], decoded(r, field));
                }
            } else {
                long value = number(r, field, text);
                if (value != FlowRecord.ABSENT) {
                    if (TYPES[i] == PrimitiveTypeName.INT32) {
                        int32(i, NAMES[i], (int) value);
                    } else {
                        int64(i, NAMES[i], value);
                    }
                }
            }
        }
        int64(SEGMENT, ArchiveSchema.SEGMENT, segment);
    }

    /** A text field a Parquet flow log's reader decodes; null for the others. */
    private static String decoded(FlowRecord r, FlowField field) {
        return switch (field) {
            case ACCOUNT_ID -> r.accountId();
            case INTERFACE_ID -> r.interfaceId();
            case ACTION -> r.action();
            case LOG_STATUS -> r.logStatus();
            case SRCADDR -> r.srcAddr();
            case DSTADDR -> r.dstAddr();
            default -> null;
        };
    }

    private static long number(FlowRecord r, FlowField field, boolean text) {
        return switch (field) {
            case SRCPORT -> r.srcPort();
            case DSTPORT -> r.dstPort();
            case PROTOCOL -> r.protocol();
            case TCP_FLAGS -> r.tcpFlags();
            case PACKETS -> r.packets();
            case BYTES -> r.bytes();
            case START -> r.start();
            case END -> r.end();
            case VERSION -> text && r.hasFieldText(field) ? version(r) : FlowRecord.ABSENT;
            default -> FlowRecord.ABSENT;
        };
    }

    /** The version as written: digits (the reader has checked them), or absent. */
    private static long version(FlowRecord r) {
        byte[] b = r.fieldBytes();
        int from = r.fieldStart(FlowField.VERSION);
        int to = r.fieldEnd(FlowField.VERSION);
        if (to - from == 1 && b[from] == '-') {
            return FlowRecord.ABSENT;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }
}
