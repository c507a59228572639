package jp.govcloudops.store;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.aggregate.ObjectContribution;
import jp.govcloudops.aggregate.UtcTime;
import jp.govcloudops.ingest.IngestedObject;
import jp.govcloudops.ingest.PartitionWork;
import jp.govcloudops.ingest.QuarantineEntry;
import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes ingestion results: partitions, manifest rows with their contributions and quarantine, and the atomic
 * swap that puts a --force reprocessing of a partition in place of its old contribution.
 */
@Repository
public class IngestStore {

    private final JdbcTemplate jdbc;
    private final ContributionWriter contributions;

    public IngestStore(JdbcTemplate jdbc, ContributionWriter contributions) {
        this.jdbc = jdbc;
        this.contributions = contributions;
    }

    /**
     * The partitions' ids, in their order, creating the rows of those seen for the first time. The known ones come
     * from one query over the run's dates and sources rather than one per partition: a night's range holds hundreds
     * of partitions, and this runs before any object is read.
     */
    public List<Long> ensurePartitions(List<LogPartition> partitions) {
        Map<PartitionKey, Long> ids = partitionIds(partitions);
        boolean inserted = false;
        for (LogPartition p : partitions) {
            if (!ids.containsKey(PartitionKey.of(p))) {
                try {
                    jdbc.update("INSERT INTO log_partition (log_type, account_id, region, folder_date, source,"
                            + " folder_prefix) VALUES (?, ?, ?, ?, ?, ?)", p.logType().id(), p.accountId(), p.region(),
                            p.folderDate(), p.source(), p.folderPrefix());
                } catch (DuplicateKeyException raced) {
                    // another process created it first
                }
                inserted = true;
            }
        }
        if (inserted) {
            ids = partitionIds(partitions);
        }
        List<Long> result = new ArrayList<>(partitions.size());
        for (LogPartition p : partitions) {
            result.add(ids.get(PartitionKey.of(p)));
        }
        return result;
    }

    /** Ids of the stored partitions among these. */
    private Map<PartitionKey, Long> partitionIds(List<LogPartition> partitions) {
        Map<PartitionKey, Long> ids = new HashMap<>();
        if (partitions.isEmpty()) {
            return ids;
        }
        LocalDate from = partitions.stream().map(LogPartition::folderDate).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = partitions.stream().map(LogPartition::folderDate).max(LocalDate::compareTo).orElseThrow();
        StringBuilder sql = new StringBuilder("SELECT id, log_type, account_id, region, folder_date, source"
                + " FROM log_partition WHERE folder_date BETWEEN ? AND ?");
        List<Object> args = new ArrayList<>(List.of(from, to));
        in(sql, args, "source", partitions.stream().map(LogPartition::source).distinct().toList());
        jdbc.query(sql.toString(), rs -> {
            ids.put(new PartitionKey(rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                    rs.getString(6)), rs.getLong(1));
        }, args.toArray());
        return ids;
    }

    /** A partition's identity in the store (log_partition_uk). */
    private record PartitionKey(String logType, String accountId, String region, LocalDate folderDate, String source) {
        static PartitionKey of(LogPartition p) {
            return new PartitionKey(p.logType().id(), p.accountId(), p.region(), p.folderDate(), p.source());
        }
    }

    /** The partition with this id, or null. */
    public LogPartition partition(long id) {
        List<LogPartition> found = jdbc.query("SELECT log_type, account_id, region, folder_date, source, folder_prefix"
                + " FROM log_partition WHERE id = ?", (rs, n) -> new LogPartition(LogType.fromId(rs.getString(1)),
                        rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                        rs.getString(6)), id);
        return found.isEmpty() ? null : found.get(0);
    }

    public List<ManifestRow> manifest(long partitionId) {
        return jdbc.query("SELECT id, object_key, etag, state, generation FROM source_object WHERE partition_id = ?",
                (rs, i) -> new ManifestRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)), partitionId);
    }

    /**
     * Stores one object's outcome. Runs inside the chunk's transaction, so the manifest row and the rows it owns
     * commit together: an object is counted once or not at all.
     */
    public void write(IngestedObject result) {
        PartitionWork work = result.work();
        long partitionId = work.partitionId();
        String key = result.object().key();
        if (result.isFailed()) {
            // A failed read never removes data: earlier good rows of the key stay until a read succeeds.
            jdbc.update("DELETE FROM source_object WHERE partition_id = ? AND object_key = ? AND state = 'FAILED'",
                    partitionId, key);
            insertManifest(result, ManifestRow.FAILED);
            return;
        }
        String state;
        if (work.force()) {
            jdbc.update("DELETE FROM source_object WHERE partition_id = ? AND object_key = ? AND state = 'STAGED'",
                    partitionId, key);
            state = ManifestRow.STAGED;
        } else {
            // A changed object replaces its previous version's contribution (cascading to its rows).
            jdbc.update("DELETE FROM source_object WHERE partition_id = ? AND object_key = ?"
                    + " AND state IN ('ACTIVE', 'FAILED')", partitionId, key);
            state = ManifestRow.ACTIVE;
        }
        long objectId = insertManifest(result, state);
        for (ObjectContribution contribution : result.contributions()) {
            contributions.write(contribution, objectId, partitionId);
        }
        if (!result.quarantine().isEmpty()) {
            LocalDateTime now = UtcTime.now();
            jdbc.batchUpdate("INSERT INTO quarantine (object_id, partition_id, object_key, position, reason, excerpt,"
                    + " records, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", result.quarantine().stream()
                    .map(q -> new Object[] {objectId, partitionId, key, cut(q.position(), 256), cut(q.reason(), 2000),
                            cut(q.excerpt(), 2000), q.records(), now})
                    .toList());
        }
    }

    private long insertManifest(IngestedObject result, String state) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        PartitionWork work = result.work();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO source_object (partition_id, object_key, etag,"
                    + " size_bytes, state, generation, records, quarantined, error, job_execution_id, processed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, work.partitionId());
            ps.setString(2, result.object().key());
            ps.setString(3, result.object().etag());
            ps.setLong(4, result.object().size());
            ps.setString(5, state);
            ps.setLong(6, work.generation());
            ps.setLong(7, result.records());
            ps.setLong(8, result.quarantinedRecords());
            ps.setString(9, cut(result.error(), 2000));
            ps.setLong(10, work.jobExecutionId());
            ps.setObject(11, UtcTime.now());
            return ps;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Puts a --force run's staged rows in place of the partition's old ones, in one transaction: old rows of every
     * key the run re-read go (with everything they own), staged rows become active. Keys the run could not re-read
     * keep their old rows, so a failed read or an expired S3 object never loses stored data.
     */
    public void swapStaged(long partitionId, long generation) {
        jdbc.update("DELETE FROM source_object WHERE partition_id = ? AND generation <> ? AND state = 'ACTIVE'"
                + " AND object_key IN (SELECT s.object_key FROM source_object s WHERE s.partition_id = ?"
                + " AND s.generation = ? AND s.state = 'STAGED')", partitionId, generation, partitionId, generation);
        jdbc.update("DELETE FROM source_object WHERE partition_id = ? AND generation <> ? AND state = 'FAILED'"
                + " AND object_key IN (SELECT s.object_key FROM source_object s WHERE s.partition_id = ?"
                + " AND s.generation = ?)", partitionId, generation, partitionId, generation);
        jdbc.update("DELETE FROM source_object WHERE partition_id = ? AND generation = ? AND state = 'FAILED'"
                + " AND object_key IN (SELECT s.object_key FROM source_object s WHERE s.partition_id = ?"
                + " AND s.generation = ? AND s.state = 'STAGED')", partitionId, generation, partitionId, generation);
        jdbc.update("UPDATE source_object SET state = 'ACTIVE' WHERE partition_id = ? AND generation = ?"
                + " AND state = 'STAGED'", partitionId, generation);
    }

    /** Recomputes the partitions' summary columns from their manifests, a slice of partitions per statement. */
    public void refreshPartitionSummaries(List<Long> partitionIds, long jobExecutionId) {
        LocalDateTime now = UtcTime.now();
        for (List<Long> batch : IdBatches.of(partitionIds)) {
            List<Object> args = new ArrayList<>(List.of(jobExecutionId, now));
            args.addAll(batch);
            jdbc.update("UPDATE log_partition SET"
                    + " objects = (SELECT COUNT(*) FROM source_object o WHERE o.partition_id = log_partition.id AND o.state = 'ACTIVE'),"
                    + " records = (SELECT COALESCE(SUM(o.records), 0) FROM source_object o WHERE o.partition_id = log_partition.id AND o.state = 'ACTIVE'),"
                    + " quarantined = (SELECT COALESCE(SUM(o.quarantined), 0) FROM source_object o WHERE o.partition_id = log_partition.id AND o.state = 'ACTIVE'),"
                    + " failed_objects = (SELECT COUNT(*) FROM source_object o WHERE o.partition_id = log_partition.id AND o.state = 'FAILED'),"
                    + " last_job_execution_id = ?, last_run_at = ? WHERE id IN (" + IdBatches.placeholders(batch) + ")",
                    args.toArray());
        }
    }

    /** The partitions a run covers, by its range and filters (sources as canonical locations). */
    public List<Long> partitions(LocalDate from, LocalDate to, Collection<String> logTypes,
            Collection<String> accounts, Collection<String> sources) {
        StringBuilder sql = new StringBuilder("SELECT id FROM log_partition WHERE folder_date BETWEEN ? AND ?");
        List<Object> args = new ArrayList<>(List.of(from, to));
        in(sql, args, "log_type", logTypes);
        in(sql, args, "source", sources);
        if (!accounts.isEmpty()) {
            in(sql, args, "account_id", accounts);
        }
        sql.append(" ORDER BY id");
        return jdbc.queryForList(sql.toString(), Long.class, args.toArray());
    }

    private static void in(StringBuilder sql, List<Object> args, String column, Collection<String> values) {
        sql.append(" AND ").append(column).append(" IN (").append(IdBatches.placeholders(Math.max(1, values.size())))
                .append(')');
        if (values.isEmpty()) {
            args.add("");
        }
        args.addAll(values);
    }

    /** Totals of what one run (generation) stored in the given partitions. */
    public IngestRunSummary summary(long generation, List<Long> partitionIds, long openGaps) {
        Object[] totals = jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(records), 0), COALESCE(SUM(quarantined), 0),"
                + " COALESCE(SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END), 0) FROM source_object WHERE generation = ?",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, generation);
        return new IngestRunSummary(partitionIds.size(), (Long) totals[0], (Long) totals[1], (Long) totals[2],
                (Long) totals[3], openGaps);
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
