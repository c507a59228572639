package jp.govcloudops.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
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
     * Stores a chunk's objects inside the chunk's transaction, so each manifest row and the rows it owns commit
     * together: an object is counted once or not at all. Each kind of statement runs once for the chunk, as a JDBC
     * batch, not once per object: a night stores thousands of small objects, and every statement costs a prepare, a
     * round trip to a networked database and, on H2, its parse and bookkeeping. A chunk's objects come from one
     * listing of one partition, so their keys differ and the order of the statements across objects does not
     * matter.
     */
    public void write(List<? extends IngestedObject> results) {
        if (results.isEmpty()) {
            return;
        }
        List<Object[]> failedKeys = new ArrayList<>();
        List<Object[]> stagedKeys = new ArrayList<>();
        List<Object[]> replacedKeys = new ArrayList<>();
        for (IngestedObject result : results) {
            Object[] key = {result.work().partitionId(), result.object().key()};
            switch (manifestState(result)) {
                case ManifestRow.FAILED -> failedKeys.add(key);
                case ManifestRow.STAGED -> stagedKeys.add(key);
                default -> replacedKeys.add(key);
            }
        }
        // A failed read never removes data: earlier good rows of the key stay until a read succeeds.
        deleteManifestRows("state = 'FAILED'", failedKeys);
        deleteManifestRows("state = 'STAGED'", stagedKeys);
        // A changed object replaces its previous version's contribution (cascading to its rows).
        deleteManifestRows("state IN ('ACTIVE', 'FAILED')", replacedKeys);

        LocalDateTime now = UtcTime.now();
        List<Long> objectIds = insertManifest(results, now);
        List<ContributionWriter.Owned> owned = new ArrayList<>();
        List<Object[]> quarantined = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            IngestedObject result = results.get(i);
            long objectId = objectIds.get(i);
            long partitionId = result.work().partitionId();
            for (ObjectContribution contribution : result.contributions()) {
                owned.add(new ContributionWriter.Owned(contribution, objectId, partitionId));
            }
            for (QuarantineEntry q : result.quarantine()) {
                quarantined.add(new Object[] {objectId, partitionId, result.object().key(), cut(q.position(), 256),
                        cut(q.reason(), 2000), cut(q.excerpt(), 2000), q.records(), now});
            }
        }
        contributions.write(owned);
        if (!quarantined.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO quarantine (object_id, partition_id, object_key, position, reason, excerpt,"
                    + " records, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", quarantined);
        }
    }

    private void deleteManifestRows(String stateCondition, List<Object[]> keys) {
        if (!keys.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM source_object WHERE partition_id = ? AND object_key = ? AND "
                    + stateCondition, keys);
        }
    }

    /** A failed read is kept as FAILED, a --force run's rows as STAGED until the swap, any other as ACTIVE. */
    private static String manifestState(IngestedObject result) {
        return result.isFailed() ? ManifestRow.FAILED : result.work().force() ? ManifestRow.STAGED : ManifestRow.ACTIVE;
    }

    /** Inserts the objects' manifest rows in one batch and returns their ids, in the objects' order. */
    private List<Long> insertManifest(List<? extends IngestedObject> results, LocalDateTime processedAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement("INSERT INTO source_object (partition_id, object_key, etag,"
                + " size_bytes, state, generation, records, quarantined, error, job_execution_id, processed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"}), new BatchPreparedStatementSetter() {

                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        IngestedObject result = results.get(i);
                        PartitionWork work = result.work();
                        ps.setLong(1, work.partitionId());
                        ps.setString(2, result.object().key());
                        ps.setString(3, result.object().etag());
                        ps.setLong(4, result.object().size());
                        ps.setString(5, manifestState(result));
                        ps.setLong(6, work.generation());
                        ps.setLong(7, result.records());
                        ps.setLong(8, result.quarantinedRecords());
                        ps.setString(9, cut(result.error(), 2000));
                        ps.setLong(10, work.jobExecutionId());
                        ps.setObject(11, processedAt);
                    }

                    @Override
                    public int getBatchSize() {
                        return results.size();
                    }
                }, keys);
        List<Map<String, Object>> rows = keys.getKeyList();
        if (rows.size() != results.size()) {
            throw new IllegalStateException("the database returned " + rows.size() + " generated ids for "
                    + results.size() + " manifest rows");
        }
        List<Long> ids = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            // One generated column, whose name's case depends on the database.
            ids.add(((Number) row.values().iterator().next()).longValue());
        }
        return ids;
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
