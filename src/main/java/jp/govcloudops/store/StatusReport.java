package jp.govcloudops.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What `status` shows: per folder date, account, region and log type, and the open data gaps. */
@Repository
public class StatusReport {

    public record PartitionStatus(LocalDate folderDate, String accountId, String region, String logType, int objects,
            long records, long quarantined, int failedObjects, LocalDateTime lastRun) {
    }

    /** Objects read whole that held no records (an empty file, an empty gzip, a header line alone). */
    public record EmptyObjects(LocalDate folderDate, String accountId, String region, String logType, int objects,
            String firstKey) {
    }

    public record Gap(LocalDate folderDate, String accountId, String region, String logType, String kind,
            String detail, LocalDateTime firstDetected, LocalDateTime resolved) {
    }

    /** A quarantined piece of an object: where it is and why it was not stored. */
    public record Quarantined(LocalDate folderDate, String accountId, String region, String logType, String objectKey,
            String position, String reason, long records) {
    }

    private final JdbcTemplate jdbc;

    public StatusReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<PartitionStatus> partitions(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT folder_date, account_id, region, log_type, SUM(objects), SUM(records),"
                + " SUM(quarantined), SUM(failed_objects), MAX(last_run_at) FROM log_partition"
                + " WHERE folder_date BETWEEN ? AND ? GROUP BY folder_date, account_id, region, log_type"
                + " ORDER BY folder_date, account_id, region, log_type",
                (rs, i) -> new PartitionStatus(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getInt(8),
                        rs.getObject(9, LocalDateTime.class)), from, to);
    }

    /**
     * Per partition, the objects that were read and held no records: counted as objects, not quarantined, and not a
     * data gap by themselves (a partition with objects is not empty), but worth a note.
     */
    public List<EmptyObjects> emptyObjects(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT p.folder_date, p.account_id, p.region, p.log_type, COUNT(*), MIN(o.object_key)"
                + " FROM source_object o JOIN log_partition p ON p.id = o.partition_id WHERE o.state = 'ACTIVE'"
                + " AND o.records = 0 AND p.folder_date BETWEEN ? AND ?"
                + " GROUP BY p.folder_date, p.account_id, p.region, p.log_type"
                + " ORDER BY p.folder_date, p.account_id, p.region, p.log_type",
                (rs, i) -> new EmptyObjects(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6)), from, to);
    }

    public List<Gap> gaps(LocalDate from, LocalDate to, boolean includeResolved) {
        return jdbc.query("SELECT p.folder_date, p.account_id, p.region, p.log_type, g.kind, g.detail,"
                + " g.first_detected_at, g.resolved_at FROM data_gap g JOIN log_partition p ON p.id = g.partition_id"
                + " WHERE p.folder_date BETWEEN ? AND ?" + (includeResolved ? "" : " AND g.resolved_at IS NULL")
                + " ORDER BY p.folder_date, p.account_id, p.region, p.log_type, g.kind, g.object_key",
                (rs, i) -> new Gap(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDateTime.class),
                        rs.getObject(8, LocalDateTime.class)), from, to);
    }

    /** The quarantine of the stored (ACTIVE) objects of folder dates in [from, to], at most {@code limit} rows. */
    public List<Quarantined> quarantine(LocalDate from, LocalDate to, int limit) {
        return jdbc.query("SELECT p.folder_date, p.account_id, p.region, p.log_type, q.object_key, q.position, q.reason,"
                + " q.records FROM quarantine q JOIN source_object o ON o.id = q.object_id AND o.state = 'ACTIVE'"
                + " JOIN log_partition p ON p.id = q.partition_id WHERE p.folder_date BETWEEN ? AND ?"
                + " ORDER BY p.folder_date, p.account_id, p.region, p.log_type, q.object_key, q.id"
                + " FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new Quarantined(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8)), from, to);
    }
}
