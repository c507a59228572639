package jp.govcloudops.archive.write;

import jp.govcloudops.archive.ArchiveSchema;
import jp.govcloudops.format.flowlog.FlowRecord;

/** One flow-log record as a row of {@link ArchiveSchema#VPCFLOW}; an absent value ({@code -}) is a null. */
final class FlowWriteSupport extends RecordWriteSupport<FlowRecord> {

    private static final String[] TEXT = ArchiveSchema.FLOW_TEXT;
    private static final String[] INT32 = ArchiveSchema.FLOW_INT32;
    private static final String[] INT64 = ArchiveSchema.FLOW_INT64;
    private static final int FIRST_INT32 = TEXT.length;
    private static final int FIRST_INT64 = FIRST_INT32 + INT32.length;
    private static final int SEGMENT = FIRST_INT64 + INT64.length;

    FlowWriteSupport() {
        super(ArchiveSchema.VPCFLOW);
    }

    @Override
    void writeFields(FlowRecord r) {
        text(0, TEXT[0], r.accountId());
        text(1, TEXT[1], r.interfaceId());
        text(2, TEXT[2], r.srcAddr());
        text(3, TEXT[3], r.dstAddr());
        text(4, TEXT[4], r.action());
        text(5, TEXT[5], r.logStatus());
        int32(FIRST_INT32, INT32[0], r.srcPort());
        int32(FIRST_INT32 + 1, INT32[1], r.dstPort());
        int32(FIRST_INT32 + 2, INT32[2], r.protocol());
        int32(FIRST_INT32 + 3, INT32[3], r.tcpFlags());
        number(FIRST_INT64, INT64[0], r.packets());
        number(FIRST_INT64 + 1, INT64[1], r.bytes());
        number(FIRST_INT64 + 2, INT64[2], r.start());
        number(FIRST_INT64 + 3, INT64[3], r.end());
        int64(SEGMENT, ArchiveSchema.SEGMENT, segment);
    }

    private void int32(int index, String name, long value) {
        if (value != FlowRecord.ABSENT) {
            int32(index, name, (int) value);
        }
    }

    private void number(int index, String name, long value) {
        if (value != FlowRecord.ABSENT) {
            int64(index, name, value);
        }
    }
}
