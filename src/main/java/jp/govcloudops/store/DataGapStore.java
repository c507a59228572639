package jp.govcloudops.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.source.LogType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keeps the data-gap records of partitions: a partition without objects where its stream normally has them, and
 * every object that could not be read. Gaps close (resolved_at) when the data turns up; they are never deleted,
 * so the monthly report can list what was missing and when it was made good.
 */
@Repository
public class DataGapStore {

    public static final String EMPTY_PARTITION = "EMPTY_PARTITION";
    public static final String UNREADABLE_OBJECT = "UNREADABLE_OBJECT";
    /** An hour of a CloudTrail stream whose digest file is missing (trail integrity). */
    public static final String DIGEST_MISSING = "DIGEST_MISSING";
    /** A digest file whose public key is not available, so its signature could not be checked. */
    public static final String PUBLIC_KEY_MISSING = "PUBLIC_KEY_MISSING";

    /** Delivery lags behind the clock: a folder date is not expected to hold objects before this many hours. */
    private static final int DELIVERY_GRACE_HOURS = 2;

    private final JdbcTemplate jdbc;

    public DataGapStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Re-evaluates a partition's gaps; returns how many are open afterwards. */
    public int evaluate(long partitionId, int lookbackDays) {
        Map<String, Object> p = jdbc.queryForMap("SELECT log_type, account_id, region, folder_date, source"
                + " FROM log_partition WHERE id = ?", partitionId);
        LocalDate folderDate = ((java.sql.Date) p.get("folder_date")).toLocalDate();
        LocalDateTime now = UtcTime.now();
        int active = jdbc.queryForObject("SELECT COUNT(*) FROM source_object WHERE partition_id = ? AND state = 'ACTIVE'",
                Integer.class, partitionId);
        List<Map<String, Object>> failed = jdbc.queryForList("SELECT object_key, error FROM source_object"
                + " WHERE partition_id = ? AND state = 'FAILED'", partitionId);

        boolean expected = !now.isBefore(folderDate.atStartOfDay().plusHours(DELIVERY_GRACE_HOURS));
        if (active == 0 && failed.isEmpty() && expected && LogType.fromId((String) p.get("log_type")).continuous()) {
            int daysWithData = jdbc.queryForObject("SELECT COUNT(DISTINCT folder_date) FROM log_partition"
                    + " WHERE log_type = ? AND account_id = ? AND region = ? AND source = ? AND objects > 0"
                    + " AND folder_date >= ? AND folder_date < ?", Integer.class, p.get("log_type"),
                    p.get("account_id"), p.get("region"), p.get("source"), folderDate.minusDays(lookbackDays),
                    folderDate);
            if (daysWithData >= Math.max(1, (lookbackDays + 1) / 2)) {
                open(partitionId, EMPTY_PARTITION, "", "no objects in " + p.get("log_type") + " for account "
                        + p.get("account_id") + " " + p.get("region") + " on " + folderDate + ", although "
                        + daysWithData + " of the previous " + lookbackDays + " days had objects", now);
            }
        } else {
            resolve(partitionId, EMPTY_PARTITION, "", now);
        }

        Set<String> failedKeys = new HashSet<>();
        for (Map<String, Object> row : failed) {
            String key = (String) row.get("object_key");
            failedKeys.add(key);
            open(partitionId, UNREADABLE_OBJECT, key, "could not read " + key + ": " + row.get("error"), now);
        }
        for (String key : jdbc.queryForList("SELECT object_key FROM data_gap WHERE partition_id = ? AND kind = ?"
                + " AND resolved_at IS NULL", String.class, partitionId, UNREADABLE_OBJECT)) {
            if (!failedKeys.contains(key)) {
                resolve(partitionId, UNREADABLE_OBJECT, key, now);
            }
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM data_gap WHERE partition_id = ? AND resolved_at IS NULL",
                Integer.class, partitionId);
    }

    /**
     * Of the given partitions, those whose gaps {@link #evaluate} could open or close: without active objects, with
     * unreadable ones, or with a gap open. For the others it would find nothing to do, so a run's finalisation
     * judges only these (most partitions of a night have objects and nothing wrong). Reads the partitions' summary
     * columns: refresh them first.
     */
    public List<Long> withGapsToJudge(List<Long> partitionIds) {
        List<Long> judged = new ArrayList<>();
        for (List<Long> batch : IdBatches.of(partitionIds)) {
            judged.addAll(jdbc.queryForList("SELECT p.id FROM log_partition p WHERE p.id IN ("
                    + IdBatches.placeholders(batch) + ") AND (p.objects = 0 OR p.failed_objects > 0 OR EXISTS (SELECT 1"
                    + " FROM data_gap g WHERE g.partition_id = p.id AND g.resolved_at IS NULL)) ORDER BY p.id",
                    Long.class, batch.toArray()));
        }
        return judged;
    }

    public long openGaps(List<Long> partitionIds) {
        long open = 0;
        for (List<Long> batch : IdBatches.of(partitionIds)) {
            open += jdbc.queryForObject("SELECT COUNT(*) FROM data_gap WHERE resolved_at IS NULL AND partition_id IN ("
                    + IdBatches.placeholders(batch) + ")", Long.class, batch.toArray());
        }
        return open;
    }

    /** Opens (or keeps open) a gap found by a check other than ingestion's, such as the trail integrity check. */
    public void record(long partitionId, String kind, String key, String detail) {
        open(partitionId, kind, key, detail, UtcTime.now());
    }

    /**
     * Closes the open gaps of {@code kinds} in a stream's partitions of the folder dates [from, to] whose keys are
     * not in {@code stillOpen}: the check that found them ran again and found them made good.
     */
    public int resolveOthers(String logType, String accountId, String region, String source, LocalDate from,
            LocalDate to, List<String> kinds, Set<String> stillOpen) {
        LocalDateTime now = UtcTime.now();
        int resolved = 0;
        for (Map<String, Object> gap : jdbc.queryForList("SELECT g.partition_id, g.kind, g.object_key FROM data_gap g"
                + " JOIN log_partition p ON p.id = g.partition_id WHERE p.log_type = ? AND p.account_id = ?"
                + " AND p.region = ? AND p.source = ? AND p.folder_date BETWEEN ? AND ? AND g.resolved_at IS NULL",
                logType, accountId, region, source, from, to)) {
            String kind = (String) gap.get("kind");
            String key = (String) gap.get("object_key");
            if (kinds.contains(kind) && !stillOpen.contains(key)) {
                resolve(((Number) gap.get("partition_id")).longValue(), kind, key, now);
                resolved++;
            }
        }
        return resolved;
    }

    private void open(long partitionId, String kind, String key, String detail, LocalDateTime now) {
        String cut = IngestStore.cut(detail, 2000);
        int updated = jdbc.update("UPDATE data_gap SET detail = ?, last_detected_at = ?, resolved_at = NULL"
                + " WHERE partition_id = ? AND kind = ? AND object_key = ?", cut, now, partitionId, kind, key);
        if (updated == 0) {
            jdbc.update("INSERT INTO data_gap (partition_id, kind, object_key, detail, first_detected_at,"
                    + " last_detected_at) VALUES (?, ?, ?, ?, ?, ?)", partitionId, kind, key, cut, now, now);
        }
    }

    private void resolve(long partitionId, String kind, String key, LocalDateTime now) {
        jdbc.update("UPDATE data_gap SET resolved_at = ? WHERE partition_id = ? AND kind = ? AND object_key = ?"
                + " AND resolved_at IS NULL", now, partitionId, kind, key);
    }
}
