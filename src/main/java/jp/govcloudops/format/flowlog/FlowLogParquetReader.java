package jp.govcloudops.format.flowlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.StringCache;
import jp.govcloudops.format.UnreadableInputException;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads Parquet flow logs (AWS's column names: the header names with underscores). Only the columns the
 * aggregates use are decoded, straight into one reused {@link FlowRecord}. Unknown columns are ignored.
 */
public final class FlowLogParquetReader {

    private static final Set<FlowField> USED = EnumSet.of(FlowField.ACCOUNT_ID, FlowField.INTERFACE_ID,
            FlowField.SRCADDR, FlowField.DSTADDR, FlowField.PKT_SRCADDR, FlowField.PKT_DSTADDR, FlowField.SRCPORT,
            FlowField.DSTPORT, FlowField.PROTOCOL, FlowField.PACKETS, FlowField.BYTES, FlowField.START, FlowField.END,
            FlowField.ACTION, FlowField.LOG_STATUS, FlowField.TCP_FLAGS);

    private final StringCache strings = new StringCache(1 << 14);

    /** Reads every row; returns the number of rows. */
    public long read(Path file, long fallbackStart, Consumer<FlowRecord> records, Quarantine quarantine) {
        long rows = 0;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> projected = new ArrayList<>();
            List<FlowField> fields = new ArrayList<>();
            for (Type column : fileSchema.getFields()) {
                FlowField field = FlowField.byName(column.getName());
                if (field != null && USED.contains(field) && column.isPrimitive()) {
                    projected.add(column);
                    fields.add(field);
                }
            }
            if (projected.isEmpty()) {
                throw new UnreadableInputException("schema", "a Parquet file without flow-log columns; columns: "
                        + fileSchema.getFields().stream().map(Type::getName).toList(), null);
            }
            MessageType requested = new MessageType(fileSchema.getName(), projected);
            reader.setRequestedSchema(requested);
            MessageColumnIO columnIo = new ColumnIOFactory().getColumnIO(requested, fileSchema);
            Materializer materializer = new Materializer(fields);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<FlowRecord> rowReader = columnIo.getRecordReader(pages, materializer);
                long count = pages.getRowCount();
                for (long i = 0; i < count; i++) {
                    FlowRecord record = rowReader.read();
                    record.position = rows++;
                    String problem = materializer.finish(fallbackStart);
                    if (problem != null) {
                        quarantine.reject("row " + record.position, problem, null);
                    } else {
                        records.accept(record);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableInputException u) {
                throw u;
            }
            throw new UnreadableInputException("row " + rows, "not a readable Parquet flow log after " + rows
                    + " rows: " + e.getMessage(), e);
        }
        return rows;
    }

    private final class Materializer extends RecordMaterializer<FlowRecord> {
        private final FlowRecord record = new FlowRecord();
        private final Converter[] converters;
        private Binary source;
        private Binary destination;
        private Binary packetSource;
        private Binary packetDestination;
        private final GroupConverter root = new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return converters[fieldIndex];
            }

            @Override
            public void start() {
                record.clear();
                source = destination = packetSource = packetDestination = null;
            }

            @Override
            public void end() {
            }
        };

        Materializer(List<FlowField> fields) {
            converters = new Converter[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                converters[i] = converter(fields.get(i));
            }
        }

        private Converter converter(FlowField field) {
            return new PrimitiveConverter() {
                @Override
                public void addBinary(Binary value) {
                    switch (field) {
                        case SRCADDR -> source = value.copy();
                        case DSTADDR -> destination = value.copy();
                        case PKT_SRCADDR -> packetSource = value.copy();
                        case PKT_DSTADDR -> packetDestination = value.copy();
                        default -> {
                            byte[] bytes = value.getBytesUnsafe();
                            String text = strings.get(bytes, 0, bytes.length);
                            if (text.equals("-")) {
                                return;
                            }
                            switch (field) {
                                case ACCOUNT_ID, INTERFACE_ID, ACTION, LOG_STATUS ->
                                        record.setText(field, text);
                                default -> record.setNumber(field, parseDecimal(text));
                            }
                        }
                    }
                }

                @Override
                public void addInt(int value) {
                    record.setNumber(field, value);
                }

                @Override
                public void addLong(long value) {
                    record.setNumber(field, value);
                }
            };
        }

        /** Applies the addresses and the fallback time; returns a reason when the row cannot be placed. */
        String finish(long fallbackStart) {
            Binary src = packetSource != null && !isDash(packetSource) ? packetSource : source;
            Binary dst = packetDestination != null && !isDash(packetDestination) ? packetDestination : destination;
            if (src != null && !isDash(src)) {
                byte[] b = src.getBytesUnsafe();
                record.setSource(b, 0, b.length, StandardCharsets.UTF_8);
            }
            if (dst != null && !isDash(dst)) {
                byte[] b = dst.getBytesUnsafe();
                record.setDestination(b, 0, b.length, StandardCharsets.UTF_8);
            }
            long[] numbers = record.numbers;
            if (numbers[FlowRecord.START] == FlowRecord.ABSENT) {
                numbers[FlowRecord.START] = fallbackStart;
            }
            if (numbers[FlowRecord.START] == Long.MIN_VALUE || numbers[FlowRecord.PACKETS] == Long.MIN_VALUE
                    || numbers[FlowRecord.BYTES] == Long.MIN_VALUE) {
                return "a numeric column holds text that is not a number";
            }
            return null;
        }

        private boolean isDash(Binary value) {
            return value.length() == 1 && value.getBytesUnsafe()[0] == '-';
        }

        private long parseDecimal(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return Long.MIN_VALUE;
            }
        }

        @Override
        public FlowRecord getCurrentRecord() {
            return record;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }
}
