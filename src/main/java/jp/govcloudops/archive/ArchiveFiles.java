package jp.govcloudops.archive;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
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
     * by {@code filter} (row-group statistics, dictionaries, column indexes, then each row). Read through
     * {@link ParquetFileReader} with plain read options: {@code ParquetReader} builds a Hadoop configuration per
     * file, parsing Hadoop's default resource files each time, which cost more than reading a staged segment.
     */
    public static Rows reader(Path file, MessageType projection, FilterCompat.Filter filter) throws IOException {
        ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).withRecordFilter(filter).build());
        try {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            reader.setRequestedSchema(projection);
            return new Rows(reader, new ColumnIOFactory().getColumnIO(projection, fileSchema), projection, filter);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Rows of one file, row group by row group. */
    public static final class Rows implements AutoCloseable {
        private final ParquetFileReader reader;
        private final MessageColumnIO columns;
        private final MessageType projection;
        private final FilterCompat.Filter filter;
        private RecordReader<Group> rows;
        private long left;

        Rows(ParquetFileReader reader, MessageColumnIO columns, MessageType projection, FilterCompat.Filter filter) {
            this.reader = reader;
            this.columns = columns;
            this.projection = projection;
            this.filter = filter;
        }

        /** The next row that passes the filter, or null at the end. */
        public Group read() throws IOException {
            while (true) {
                while (left > 0) {
                    left--;
                    Group row = rows.read();
                    if (row != null && !rows.shouldSkipCurrentRecord()) {
                        return row;
                    }
                }
                PageReadStore pages = reader.readNextFilteredRowGroup();
                if (pages == null) {
                    return null;
                }
                rows = columns.getRecordReader(pages, new GroupRecordConverter(projection), filter);
                left = pages.getRowCount();
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
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

}
