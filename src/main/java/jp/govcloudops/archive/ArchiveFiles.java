package jp.govcloudops.archive;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Opens archive files for writing and reading over a plain configuration (no Hadoop configuration files parsed per
 * file). Compacted files are zstd-compressed; staged files, read once more within a day, are not compressed.
 */
public final class ArchiveFiles {

    private static final String ZSTD_LEVEL = "parquet.compression.codec.zstd.level";

    private ArchiveFiles() {
    }

    /** A writer of the parsers' records, for a staged segment. */
    public static <T> ParquetWriter<T> stagedWriter(Path file, WriteSupport<T> support) throws IOException {
        return new Builder<>(file, support).withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupSize(16L * 1024 * 1024)
                .build();
    }

    /** A writer of rows read back from other archive files, for a compacted file. */
    public static ParquetWriter<Group> compactedWriter(Path file, MessageType schema, long rowGroupSize,
            int zstdLevel) throws IOException {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set(ZSTD_LEVEL, Integer.toString(zstdLevel));
        return org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(conf)
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupSize(rowGroupSize)
                .build();
    }

    /**
     * A reader of rows, with only the columns of {@code projection} decoded and row groups, pages and rows skipped
     * by {@code filter} (row-group statistics, dictionaries, column indexes, then each row).
     */
    public static ParquetReader<Group> reader(Path file, MessageType projection, FilterCompat.Filter filter)
            throws IOException {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set(ReadSupport.PARQUET_READ_SCHEMA, projection.toString());
        return new GroupReader(file, conf).withFilter(filter).build();
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final WriteSupport<T> support;

        Builder(Path file, WriteSupport<T> support) {
            super(new LocalOutputFile(file));
            this.support = support;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }

    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(Path file, ParquetConfiguration conf) {
            super(new LocalInputFile(file), conf);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
