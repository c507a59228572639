package jp.govcloudops.format;

/**
 * How large one record and one value of it may be (govcloud.ingest.max-record-size, max-value-size). A reader
 * quarantines a larger record as too large and goes on with the next, holding no more than these bounds in
 * memory: one huge string must not exhaust the heap and fail the whole object on every run.
 */
public record RecordLimits(int maxValueBytes, int maxRecordBytes) {

    /** The documented defaults: 4 MB per value, 16 MB per record. */
    public static final RecordLimits DEFAULT = new RecordLimits(4 << 20, 16 << 20);

    public RecordLimits {
        if (maxValueBytes <= 0 || maxRecordBytes <= 0 || maxValueBytes > maxRecordBytes) {
            throw new IllegalArgumentException("bounds must be positive, the value's at most the record's");
        }
    }

    /** A byte count for a message: "16 MB", "64 KB", "300 bytes". */
    public static String describe(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }
}
