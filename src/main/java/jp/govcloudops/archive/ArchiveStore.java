package jp.govcloudops.archive;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.source.LogType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The archive's bookkeeping in the store: its location, segments and compacted files. */
@Repository
public class ArchiveStore {

    private final JdbcTemplate jdbc;

    public ArchiveStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The archive the store writes, if it has written one. */
    public Optional<Path> recordedLocation() {
        return jdbc.queryForList("SELECT location FROM archive_location WHERE id = 1", String.class).stream()
                .findFirst().map(Path::of);
    }

    /**
     * The archive to write: the recorded one, which must be the configured one (a store's records never spread over
     * two archives), or the configured one, recorded now.
     */
    public Path locationForWriting(Path configured) {
        Optional<Path> recorded = recordedLocation();
        if (recorded.isPresent()) {
            if (!recorded.get().equals(configured)) {
                throw new IllegalStateException("this store writes its archive to " + recorded.get()
                        + ", but govcloud.archive.location gives " + configured + ": set govcloud.archive.location to "
                        + recorded.get() + " (docs/operations.md, \"調査の手順\")");
            }
            return configured;
        }
        try {
            jdbc.update("INSERT INTO archive_location (id, location, recorded_at) VALUES (1, ?, ?)",
                    configured.toString(), UtcTime.now());
        } catch (DuplicateKeyException raced) {
            return locationForWriting(configured);
        }
        return configured;
    }

    /** A segment of a partition that the archive should hold (its object is ACTIVE). */
    public record Segment(long segmentId, String stagedFile, long records, LocalDateTime firstTime,
            LocalDateTime lastTime) {
    }

    public List<Segment> liveSegments(long partitionId) {
        return jdbc.query("SELECT s.segment_id, s.staged_file, s.records, s.first_time, s.last_time"
                + " FROM archive_segment s"
                + " JOIN source_object o ON o.id = s.object_id WHERE s.partition_id = ? AND o.state = 'ACTIVE'"
                + " ORDER BY s.segment_id", (rs, i) -> new Segment(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class)),
                partitionId);
    }

    /**
     * Every staged file the store still refers to under a staging folder, whatever its object's state. The pattern is
     * not escaped: a wildcard in the folder name can only keep more files, never fewer.
     */
    public List<String> stagedFiles(String folder) {
        return jdbc.queryForList("SELECT staged_file FROM archive_segment WHERE staged_file LIKE ?", String.class,
                folder + "/%");
    }

    /**
     * The partitions whose compacted file is behind the store: live segments still staged, or a file that holds
     * other records than the live segments (an object was replaced), or live segments and no file.
     */
    public List<Long> partitionsToCompact(Collection<Long> candidates) {
        Set<Long> result = new TreeSet<>(jdbc.queryForList("SELECT DISTINCT s.partition_id"
                + " FROM archive_segment s JOIN source_object o ON o.id = s.object_id"
                + " WHERE s.staged_file IS NOT NULL AND o.state = 'ACTIVE'", Long.class));
        List<Long> ids = new ArrayList<>(candidates);
        // One statement per slice of partitions (a night has hundreds), within any database's parameter limit.
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            result.addAll(jdbc.queryForList("SELECT p.id FROM log_partition p WHERE p.id IN ("
                    + String.join(", ", Collections.nCopies(slice.size(), "?")) + ")"
                    + " AND COALESCE((SELECT SUM(s.records) FROM archive_segment s JOIN source_object o"
                    + " ON o.id = s.object_id WHERE s.partition_id = p.id AND o.state = 'ACTIVE'), 0)"
                    + " <> COALESCE((SELECT f.records FROM archive_file f WHERE f.partition_id = p.id), 0)",
                    Long.class, slice.toArray()));
        }
        return new ArrayList<>(result);
    }

    /** Records that the partition's file now holds the given segments. */
    public void compacted(long partitionId, String path, List<Long> segments, long records, long sizeBytes,
            LocalDateTime firstTime, LocalDateTime lastTime) {
        List<Object[]> args = segments.stream().map(s -> new Object[] {s}).toList();
        jdbc.batchUpdate("UPDATE archive_segment SET staged_file = NULL WHERE segment_id = ?", args);
        LocalDateTime now = UtcTime.now();
        int updated = jdbc.update("UPDATE archive_file SET path = ?, records = ?, size_bytes = ?, first_time = ?,"
                + " last_time = ?, written_at = ? WHERE partition_id = ?", path, records, sizeBytes, firstTime,
                lastTime, now, partitionId);
        if (updated == 0) {
            jdbc.update("INSERT INTO archive_file (partition_id, path, records, size_bytes, first_time, last_time,"
                    + " written_at) VALUES (?, ?, ?, ?, ?, ?, ?)", partitionId, path, records, sizeBytes, firstTime,
                    lastTime, now);
        }
    }

    /** A compacted file, with its partition. */
    public record ArchivedFile(long partitionId, LogType logType, String account, String region, LocalDate day,
            String path, long records, long sizeBytes) {
    }

    /** The compacted files of partitions whose folder date is before {@code day}. */
    public List<ArchivedFile> filesBefore(LocalDate day) {
        return files("WHERE p.folder_date < ?", day);
    }

    public List<ArchivedFile> files(LogType logType, LocalDate from, LocalDate to) {
        return files("WHERE p.log_type = ? AND p.folder_date BETWEEN ? AND ?", logType.id(), from, to);
    }

    private List<ArchivedFile> files(String where, Object... args) {
        return jdbc.query("SELECT f.partition_id, p.log_type, p.account_id, p.region, p.folder_date, f.path,"
                + " f.records, f.size_bytes FROM archive_file f JOIN log_partition p ON p.id = f.partition_id "
                + where + " ORDER BY p.folder_date, p.account_id, p.region, f.partition_id",
                (rs, i) -> new ArchivedFile(rs.getLong(1), LogType.fromId(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7),
                        rs.getLong(8)), args);
    }

    /** Forgets the file of a partition that no longer has records. */
    public void emptied(long partitionId) {
        jdbc.update("DELETE FROM archive_file WHERE partition_id = ?", partitionId);
    }

    /** Forgets a pruned partition's file and segments: its records are no longer in the archive. */
    public void pruned(long partitionId) {
        jdbc.update("DELETE FROM archive_segment WHERE partition_id = ?", partitionId);
        jdbc.update("DELETE FROM archive_file WHERE partition_id = ?", partitionId);
    }

    /**
     * A partition a search covers: what the store accepted from it, what its archive file holds, and its open data
     * gaps (kinds and details).
     */
    public record PartitionCoverage(long partitionId, String account, String region, LocalDate day, long accepted,
            String path, long archived, LocalDateTime firstTime, LocalDateTime lastTime, List<String> gaps) {

        /** Whether the archive holds every record the store accepted from the partition. */
        public boolean complete() {
            return archived == accepted;
        }
    }

    /** The partitions of a log type on folder dates {@code from..to}, optionally of some accounts and regions. */
    public List<PartitionCoverage> coverage(LogType logType, LocalDate from, LocalDate to,
            Collection<String> accounts, Collection<String> regions) {
        StringBuilder sql = new StringBuilder("SELECT p.id, p.account_id, p.region, p.folder_date,"
                + " p.records - p.quarantined, f.path, COALESCE(f.records, 0), f.first_time, f.last_time"
                + " FROM log_partition p LEFT JOIN archive_file f ON f.partition_id = p.id"
                + " WHERE p.log_type = ? AND p.folder_date BETWEEN ? AND ?");
        List<Object> args = new ArrayList<>(List.of(logType.id(), from, to));
        if (!accounts.isEmpty()) {
            sql.append(" AND p.account_id IN (").append(String.join(", ", Collections.nCopies(
                    accounts.size(), "?"))).append(')');
            args.addAll(accounts);
        }
        if (!regions.isEmpty()) {
            sql.append(" AND p.region IN (").append(String.join(", ", Collections.nCopies(
                    regions.size(), "?"))).append(')');
            args.addAll(regions);
        }
        sql.append(" ORDER BY p.folder_date, p.account_id, p.region, p.id");
        List<PartitionCoverage> rows = jdbc.query(sql.toString(), (rs, i) -> new PartitionCoverage(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getString(6),
                rs.getLong(7), rs.getObject(8, LocalDateTime.class), rs.getObject(9, LocalDateTime.class),
                new ArrayList<>()), args.toArray());
        Map<Long, PartitionCoverage> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.partitionId(), r));
        if (!rows.isEmpty()) {
            jdbc.query("SELECT g.partition_id, g.kind, g.detail FROM data_gap g JOIN log_partition p"
                    + " ON p.id = g.partition_id WHERE g.resolved_at IS NULL AND p.log_type = ?"
                    + " AND p.folder_date BETWEEN ? AND ?", rs -> {
                        PartitionCoverage row = byId.get(rs.getLong(1));
                        if (row != null) {
                            row.gaps().add(rs.getString(2) + ": " + rs.getString(3));
                        }
                    }, logType.id(), from, to);
        }
        return rows;
    }

    /** Size and coverage per log type and account. */
    public record Coverage(String logType, String account, long files, long records, long sizeBytes,
            LocalDate firstDay, LocalDate lastDay) {
    }

    public List<Coverage> coverage() {
        return jdbc.query("SELECT p.log_type, p.account_id, COUNT(*), SUM(f.records), SUM(f.size_bytes),"
                + " MIN(p.folder_date), MAX(p.folder_date) FROM archive_file f JOIN log_partition p"
                + " ON p.id = f.partition_id GROUP BY p.log_type, p.account_id ORDER BY p.log_type, p.account_id",
                (rs, i) -> new Coverage(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)));
    }
}
