package jp.govcloudops.report.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jp.govcloudops.report.ReportContext;

/**
 * What the manifest says of the month's collection: objects, records and volume per log type and per account, the
 * data gaps and the quarantined input. Partitions count by their folder date (the UTC date in the object key).
 */
public final class LogCollectionQuery {

    /** One log type's objects (ACTIVE ones, and FAILED ones apart), records, compressed bytes, quarantined records. */
    public record ByLogType(String logType, long accounts, long objects, long records, long bytes, long quarantined,
            long failed) {
    }

    /** One account's CloudTrail and flow-log objects and records, and the compressed bytes of all its objects. */
    public record ByAccount(String accountId, long cloudtrailObjects, long cloudtrailRecords, long flowObjects,
            long flowRecords, long bytes) {
    }

    /** A data gap of a partition; times UTC as stored, {@code resolvedAt} null while open. */
    public record Gap(LocalDate folderDate, String accountId, String region, String logType, String kind,
            String objectKey, LocalDateTime firstDetectedAt, LocalDateTime resolvedAt) {
    }

    /** Quarantined records of one log type and reason. */
    public record Quarantined(String logType, String reason, long objects, long records) {
    }

    private LogCollectionQuery() {
    }

    public static List<ByLogType> byLogType(ReportContext c) {
        return c.jdbc().queryForList("SELECT p.log_type, COUNT(DISTINCT p.account_id) AS accounts,"
                + " SUM(CASE WHEN o.state = 'ACTIVE' THEN 1 ELSE 0 END) AS objects,"
                + " COALESCE(SUM(CASE WHEN o.state = 'ACTIVE' THEN o.records ELSE 0 END), 0) AS records,"
                + " COALESCE(SUM(CASE WHEN o.state = 'ACTIVE' THEN o.size_bytes ELSE 0 END), 0) AS bytes,"
                + " COALESCE(SUM(CASE WHEN o.state = 'ACTIVE' THEN o.quarantined ELSE 0 END), 0) AS quarantined,"
                + " SUM(CASE WHEN o.state = 'FAILED' THEN 1 ELSE 0 END) AS failed"
                + " FROM log_partition p JOIN source_object o ON o.partition_id = p.id"
                + " WHERE p.folder_date BETWEEN ? AND ? GROUP BY p.log_type ORDER BY p.log_type", c.first(), c.last())
                .stream().map(r -> new ByLogType(Rows.text(r, "log_type"), Rows.num(r, "accounts"), Rows.num(r, "objects"),
                        Rows.num(r, "records"), Rows.num(r, "bytes"), Rows.num(r, "quarantined"), Rows.num(r, "failed")))
                .toList();
    }

    public static List<ByAccount> byAccount(ReportContext c) {
        return c.jdbc().queryForList("SELECT p.account_id,"
                + " SUM(CASE WHEN p.log_type = 'cloudtrail' THEN 1 ELSE 0 END) AS ct_objects,"
                + " COALESCE(SUM(CASE WHEN p.log_type = 'cloudtrail' THEN o.records ELSE 0 END), 0) AS ct_records,"
                + " SUM(CASE WHEN p.log_type = 'vpcflow' THEN 1 ELSE 0 END) AS flow_objects,"
                + " COALESCE(SUM(CASE WHEN p.log_type = 'vpcflow' THEN o.records ELSE 0 END), 0) AS flow_records,"
                + " COALESCE(SUM(o.size_bytes), 0) AS bytes"
                + " FROM log_partition p JOIN source_object o ON o.partition_id = p.id AND o.state = 'ACTIVE'"
                + " WHERE p.folder_date BETWEEN ? AND ? GROUP BY p.account_id ORDER BY p.account_id", c.first(), c.last())
                .stream().map(r -> new ByAccount(Rows.text(r, "account_id"), Rows.num(r, "ct_objects"),
                        Rows.num(r, "ct_records"), Rows.num(r, "flow_objects"), Rows.num(r, "flow_records"),
                        Rows.num(r, "bytes"))).toList();
    }

    public static List<Gap> gaps(ReportContext c) {
        return c.jdbc().queryForList("SELECT p.folder_date, p.account_id, p.region, p.log_type,"
                + " g.kind, g.object_key, g.first_detected_at, g.resolved_at FROM data_gap g"
                + " JOIN log_partition p ON p.id = g.partition_id WHERE p.folder_date BETWEEN ? AND ?"
                + " ORDER BY p.folder_date, p.account_id, p.region, p.log_type, g.kind, g.object_key", c.first(), c.last())
                .stream().map(r -> new Gap(Rows.date(r, "folder_date"), Rows.text(r, "account_id"), Rows.text(r, "region"),
                        Rows.text(r, "log_type"), Rows.text(r, "kind"), Rows.text(r, "object_key"),
                        Rows.timestamp(r, "first_detected_at"), Rows.timestamp(r, "resolved_at"))).toList();
    }

    /** Most records first. */
    public static List<Quarantined> quarantined(ReportContext c) {
        return c.jdbc().queryForList("SELECT p.log_type, q.reason,"
                + " COUNT(DISTINCT q.object_id) AS objects, SUM(q.records) AS records FROM quarantine q"
                + " JOIN source_object o ON o.id = q.object_id AND o.state = 'ACTIVE'"
                + " JOIN log_partition p ON p.id = q.partition_id WHERE p.folder_date BETWEEN ? AND ?"
                + " GROUP BY p.log_type, q.reason ORDER BY SUM(q.records) DESC, q.reason", c.first(), c.last())
                .stream().map(r -> new Quarantined(Rows.text(r, "log_type"), Rows.text(r, "reason"), Rows.num(r, "objects"),
                        Rows.num(r, "records"))).toList();
    }

    /** The account, log type and region of every partition of the month that has objects. */
    public record Stream(String accountId, String logType, String region) {
    }

    public static List<Stream> streams(ReportContext c) {
        return c.jdbc().queryForList("SELECT DISTINCT account_id, log_type, region FROM log_partition"
                + " WHERE folder_date BETWEEN ? AND ? AND objects > 0", c.first(), c.last()).stream()
                .map(r -> new Stream(Rows.text(r, "account_id"), Rows.text(r, "log_type"), Rows.text(r, "region"))).toList();
    }
}
