package jp.govcloudops.archive;

import java.nio.file.Path;
import java.time.LocalDate;

import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;

/**
 * Where things are in an archive directory. Records live in Hive partitions
 * {@code <log type>/account=<id>/region=<region>/day=<date>/}, one compacted file per ingestion partition
 * ({@code part-<partition id>.parquet}; the day is the partition's folder date, the UTC date AWS delivered the
 * objects under). Objects read since the last compaction wait in {@code _staging/}, which Hive readers never see.
 */
public record ArchiveLayout(Path root) {

    public Path partitionDirectory(LogType logType, String account, String region, LocalDate day) {
        return root.resolve(logType.id()).resolve("account=" + account).resolve("region=" + region)
                .resolve("day=" + day);
    }

    public Path partitionDirectory(LogPartition partition) {
        return partitionDirectory(partition.logType(), partition.accountId(), partition.region(),
                partition.folderDate());
    }

    /** The compacted file of an ingestion partition, relative to the root. */
    public String compactedFile(long partitionId, LogPartition partition) {
        return root.relativize(partitionDirectory(partition).resolve("part-" + partitionId + ".parquet")).toString();
    }

    /** Where the segments of a partition's objects wait for compaction. */
    public Path stagingDirectory(LogPartition p) {
        return root.resolve("_staging").resolve(p.logType().id()).resolve(p.accountId()).resolve(p.region())
                .resolve(p.folderDate().toString());
    }

    /** A staged segment's file, relative to the root. */
    public String stagedFile(LogPartition partition, long segment) {
        return root.relativize(stagingDirectory(partition).resolve(Long.toHexString(segment) + ".parquet"))
                .toString();
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** The folder of one log type, for Hive readers: {@code read_parquet('<it>/**&#47;*.parquet')}. */
    public Path logTypeDirectory(LogType logType) {
        return root.resolve(logType.id());
    }
}
