package jp.govcloudops.archive.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import jp.govcloudops.aggregate.ObjectAnalyzer;
import jp.govcloudops.archive.ArchiveFiles;
import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.config.FileModes;
import jp.govcloudops.store.ObjectContribution;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes one object's accepted records to a staged Parquet file and contributes the segment's row, which commits
 * with the object's manifest row: a file whose row never committed (a crash, a rolled-back chunk, a retried read)
 * belongs to no segment and is deleted by the partition's next compaction.
 */
final class SegmentWriter<T> implements ObjectAnalyzer<T> {

    /** Record time in epoch seconds. */
    interface Times<T> {
        long epochSecond(T record);
    }

    private final Path file;
    private final String relativeFile;
    private final RecordWriteSupport<T> support;
    private final Times<T> times;
    private final long segment;
    private final FileModes modes;
    private ParquetWriter<T> writer;
    private long records;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private List<ObjectContribution> contributions;

    SegmentWriter(Path file, String relativeFile, long segment, RecordWriteSupport<T> support, Times<T> times,
            FileModes modes) {
        this.file = file;
        this.modes = modes;
        this.relativeFile = relativeFile;
        this.segment = segment;
        this.support = support;
        this.times = times;
        support.segment = segment;
    }

    @Override
    public void accept(T record) {
        try {
            if (writer == null) {
                modes.createDirectories(file.getParent());
                writer = ArchiveFiles.stagedWriter(file, support);
            }
            writer.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the archive's staged file " + file + ": " + e.getMessage(),
                    e);
        }
        records++;
        long time = times.epochSecond(record);
        if (time < first) {
            first = time;
        }
        if (time > last) {
            last = time;
        }
    }

    @Override
    public List<ObjectContribution> contributions() {
        if (contributions == null) {
            contributions = writer == null ? List.of() : List.of(close());
        }
        return contributions;
    }

    private ObjectContribution close() {
        try {
            writer.close();
            modes.restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the archive's staged file " + file + ": " + e.getMessage(),
                    e);
        }
        Object[] row = {segment, relativeFile, records, UtcTime.ofEpochSecond(first), UtcTime.ofEpochSecond(last)};
        return new ObjectContribution() {
            @Override
            public String table() {
                return "archive_segment";
            }

            @Override
            public List<String> columns() {
                return List.of("segment_id", "staged_file", "records", "first_time", "last_time");
            }

            @Override
            public void forEachRow(Consumer<Object[]> each) {
                each.accept(row);
            }

            @Override
            public int rowCount() {
                return 1;
            }
        };
    }
}
