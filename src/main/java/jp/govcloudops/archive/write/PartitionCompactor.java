package jp.govcloudops.archive.write;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jp.govcloudops.archive.ArchiveFiles;
import jp.govcloudops.archive.ArchiveLayout;
import jp.govcloudops.archive.ArchiveLocation;
import jp.govcloudops.archive.ArchiveSchema;
import jp.govcloudops.archive.ArchiveStore;
import jp.govcloudops.archive.ArchiveStore.Segment;
import jp.govcloudops.config.ArchiveProperties;
import jp.govcloudops.config.FileModes;
import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;
import jp.govcloudops.store.IngestStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewrites a partition's compacted file from its live segments: rows of segments already compacted come from the
 * old file (rows of replaced objects are left behind), staged segments from their files. The new file replaces the
 * old one by an atomic rename, so a reader sees the old partition or the new one, never a mixture. Only then does the
 * store record the segments as compacted, and only after that are the staged files deleted.
 *
 * <p>A crash between the rename and the store's commit is harmless: the segments are still recorded as staged and
 * their files are still there, so the next compaction takes them from the staged files again and drops their rows
 * from the compacted file, which holds them already.
 */
@Component
public class PartitionCompactor {

    private static final Logger log = LoggerFactory.getLogger(PartitionCompactor.class);

    private final ArchiveStore store;
    private final IngestStore partitions;
    private final ArchiveLocation location;
    private final ArchiveProperties properties;
    private final FileModes modes;
    private final TransactionTemplate transactions;

    public PartitionCompactor(ArchiveStore store, IngestStore partitions, ArchiveLocation location,
            ArchiveProperties properties, FileModes modes, TransactionTemplate transactions) {
        this.store = store;
        this.partitions = partitions;
        this.location = location;
        this.properties = properties;
        this.modes = modes;
        this.transactions = transactions;
    }

    /**
     * Compacts the partitions among {@code candidates} (and any other with staged segments waiting) whose file is
     * behind the store. A partition that fails is logged and left for the next run; returns how many failed.
     */
    public int compact(List<Long> candidates) {
        if (!properties.enabled()) {
            return 0;
        }
        int failed = 0;
        for (long partitionId : store.partitionsToCompact(candidates)) {
            try {
                compact(partitionId);
            } catch (IOException | RuntimeException e) {
                failed++;
                log.error("Could not compact the archive of partition {}: {} (tried again by the next run)",
                        partitionId, e.toString());
            }
        }
        return failed;
    }

    public void compact(long partitionId) throws IOException {
        LogPartition partition = Objects.requireNonNull(partitions.partition(partitionId), "no partition " + partitionId);
        if (partition.logType() != LogType.CLOUDTRAIL && partition.logType() != LogType.VPCFLOW) {
            return;
        }
        ArchiveLayout layout = new ArchiveLayout(store.locationForWriting(location.configured()));
        List<Segment> segments = store.liveSegments(partitionId);
        String relative = layout.compactedFile(partitionId, partition);
        Path target = layout.resolve(relative);
        if (segments.isEmpty()) {
            Files.deleteIfExists(target);
            transactions.executeWithoutResult(status -> store.emptied(partitionId));
            removeUnreferencedStagedFiles(layout, partition);
            return;
        }
        MessageType schema = partition.logType() == LogType.CLOUDTRAIL ? ArchiveSchema.CLOUDTRAIL
                : ArchiveSchema.VPCFLOW;
        Set<Long> inFile = new HashSet<>();
        List<Segment> staged = new ArrayList<>();
        LocalDateTime first = null;
        LocalDateTime last = null;
        for (Segment s : segments) {
            if (s.stagedFile() == null) {
                inFile.add(s.segmentId());
            } else {
                staged.add(s);
            }
            first = first == null || (s.firstTime() != null && s.firstTime().isBefore(first)) ? s.firstTime() : first;
            last = last == null || (s.lastTime() != null && s.lastTime().isAfter(last)) ? s.lastTime() : last;
        }
        modes.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        long rows = 0;
        try (ParquetWriter<Group> writer = ArchiveFiles.compactedWriter(temporary, schema,
                properties.rowGroupSize().toBytes(), properties.compressionLevel())) {
            if (!inFile.isEmpty()) {
                long expected = segments.stream().filter(s -> s.stagedFile() == null).mapToLong(Segment::records)
                        .sum();
                long copied = Files.exists(target) ? copy(target, schema, FilterCompat.get(FilterApi.in(
                        FilterApi.longColumn(ArchiveSchema.SEGMENT), inFile)), writer) : 0;
                if (copied != expected) {
                    log.warn("The archive file {} held {} of the {} records the store expects in it", target, copied,
                            expected);
                }
                rows += copied;
            }
            for (Segment s : staged) {
                rows += copy(layout.resolve(s.stagedFile()), schema, FilterCompat.NOOP, writer);
            }
        }
        modes.restrict(temporary);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        long size = Files.size(target);
        long records = rows;
        LocalDateTime firstTime = first;
        LocalDateTime lastTime = last;
        List<Long> ids = segments.stream().map(Segment::segmentId).toList();
        transactions.executeWithoutResult(status -> store.compacted(partitionId, relative, ids, records, size,
                firstTime, lastTime));
        for (Segment s : staged) {
            Files.deleteIfExists(layout.resolve(s.stagedFile()));
        }
        removeUnreferencedStagedFiles(layout, partition);
    }

    private static long copy(Path file, MessageType schema, FilterCompat.Filter filter, ParquetWriter<Group> writer)
            throws IOException {
        long rows = 0;
        try (ArchiveFiles.Rows reader = ArchiveFiles.reader(file, schema, filter)) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                writer.write(row);
                rows++;
            }
        }
        return rows;
    }

    /**
     * Deletes staged files no segment refers to: written for an object whose chunk never committed (a crash, a
     * retried read). Files of a --force run still staging stay: their segments exist.
     */
    private void removeUnreferencedStagedFiles(ArchiveLayout layout, LogPartition partition) throws IOException {
        Path folder = layout.stagingDirectory(partition);
        if (!Files.isDirectory(folder)) {
            return;
        }
        Set<String> referenced = new HashSet<>(store.stagedFiles(layout.root().relativize(folder).toString()));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (!referenced.contains(layout.root().relativize(file).toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
