package jp.govcloudops.format.flowlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jp.govcloudops.format.ParquetFiles;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.StringCache;
import jp.govcloudops.format.UnreadableInputException;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
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

    // Address columns, by index into the materializer's addresses.
    private static final int SRC = 0;
    private static final int DST = 1;
    private static final int PKT_SRC = 2;
    private static final int PKT_DST = 3;

    private final StringCache strings = new StringCache(1 << 14);

    /** Reads every row; returns the number of rows. */
    public long read(Path file, long fallbackStart, Consumer<FlowRecord> records, Quarantine quarantine) {
        long rows = 0;
        try (ParquetFileReader reader = ParquetFiles.open(file)) {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> projected = new ArrayList<>();
            List<FlowField> fields = new ArrayList<>();
            List<PrimitiveTypeName> types = new ArrayList<>();
            for (Type column : fileSchema.getFields()) {
                FlowField field = FlowField.byName(column.getName());
                if (field != null && USED.contains(field) && column.isPrimitive()) {
                    projected.add(column);
                    fields.add(field);
                    types.add(column.asPrimitiveType().getPrimitiveTypeName());
                }
            }
            if (projected.isEmpty()) {
                throw new UnreadableInputException("schema", "a Parquet file without flow-log columns; columns: "
                        + fileSchema.getFields().stream().map(Type::getName).toList(), null);
            }
            MessageType requested = new MessageType(fileSchema.getName(), projected);
            reader.setRequestedSchema(requested);
            MessageColumnIO columnIo = new ColumnIOFactory().getColumnIO(requested, fileSchema);
            Materializer materializer = new Materializer(fields, types);
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
        /** The row's address columns' bytes, by index: source, destination, packet source, packet destination. */
        private final byte[][] addresses = new byte[4][];
        private final GroupConverter root = new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return converters[fieldIndex];
            }

            @Override
            public void start() {
                record.clear();
                Arrays.fill(addresses, null);
            }

            @Override
            public void end() {
            }
        };

        Materializer(List<FlowField> fields, List<PrimitiveTypeName> types) {
            converters = new Converter[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                converters[i] = new ColumnConverter(fields.get(i), types.get(i));
            }
        }

        /** Applies the addresses and the fallback time; returns a reason when the row cannot be placed. */
        String finish(long fallbackStart) {
            byte[] src = present(addresses[PKT_SRC]) ? addresses[PKT_SRC] : addresses[SRC];
            byte[] dst = present(addresses[PKT_DST]) ? addresses[PKT_DST] : addresses[DST];
            if (present(src)) {
                record.setSource(src, 0, src.length, StandardCharsets.UTF_8);
            }
            if (present(dst)) {
                record.setDestination(dst, 0, dst.length, StandardCharsets.UTF_8);
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

        private static boolean present(byte[] address) {
            return address != null && !(address.length == 1 && address[0] == '-');
        }

        @Override
        public FlowRecord getCurrentRecord() {
            return record;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }

        /**
         * One projected column's values into the record. Where a column chunk is dictionary-encoded (the usual case:
         * accounts, interfaces, addresses and actions repeat), its dictionary's values are converted once, when the
         * chunk's reader is created, and a row's value is an array read by its dictionary id: no per-row decoding,
         * copying, hashing or number parsing.
         */
        private final class ColumnConverter extends PrimitiveConverter {
            private final FlowField field;
            private final PrimitiveTypeName type;
            private final int address;
            private final boolean text;
            private byte[][] dictionaryAddresses;
            private String[] dictionaryTexts;
            private long[] dictionaryNumbers;

            ColumnConverter(FlowField field, PrimitiveTypeName type) {
                this.field = field;
                this.type = type;
                this.address = switch (field) {
                    case SRCADDR -> SRC;
                    case DSTADDR -> DST;
                    case PKT_SRCADDR -> PKT_SRC;
                    case PKT_DSTADDR -> PKT_DST;
                    default -> -1;
                };
                this.text = switch (field) {
                    case ACCOUNT_ID, INTERFACE_ID, ACTION, LOG_STATUS -> true;
                    default -> false;
                };
            }

            /**
             * Text for any field, integers for number fields. An integer column that holds a text or address field
             * (an account id written as int64, say) is not read, as on its pages without a dictionary.
             */
            @Override
            public boolean hasDictionarySupport() {
                return type == PrimitiveTypeName.BINARY || (type == PrimitiveTypeName.INT32
                        || type == PrimitiveTypeName.INT64) && address < 0 && !text;
            }

            @Override
            public void setDictionary(Dictionary dictionary) {
                int size = dictionary.getMaxId() + 1;
                if (type != PrimitiveTypeName.BINARY) {
                    dictionaryNumbers = new long[size];
                    for (int id = 0; id < size; id++) {
                        dictionaryNumbers[id] = type == PrimitiveTypeName.INT32 ? dictionary.decodeToInt(id)
                                : dictionary.decodeToLong(id);
                    }
                } else if (address >= 0) {
                    dictionaryAddresses = new byte[size][];
                    for (int id = 0; id < size; id++) {
                        dictionaryAddresses[id] = dictionary.decodeToBinary(id).getBytes();
                    }
                } else if (text) {
                    dictionaryTexts = new String[size];
                    for (int id = 0; id < size; id++) {
                        dictionaryTexts[id] = textOf(dictionary.decodeToBinary(id));
                    }
                } else {
                    dictionaryNumbers = new long[size];
                    for (int id = 0; id < size; id++) {
                        dictionaryNumbers[id] = numberOf(textOf(dictionary.decodeToBinary(id)));
                    }
                }
            }

            @Override
            public void addValueFromDictionary(int id) {
                if (address >= 0) {
                    addresses[address] = dictionaryAddresses[id];
                } else if (text) {
                    record.setText(field, dictionaryTexts[id]);
                } else {
                    record.setNumber(field, dictionaryNumbers[id]);
                }
            }

            @Override
            public void addBinary(Binary value) {
                if (address >= 0) {
                    addresses[address] = value.getBytes(); // the page's buffer may be reused before finish()
                } else if (text) {
                    record.setText(field, textOf(value));
                } else {
                    record.setNumber(field, numberOf(textOf(value)));
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
        }

        /** The value's text from the cache; null for {@code -}, the flow-log format's "absent". */
        private String textOf(Binary value) {
            byte[] bytes = value.getBytesUnsafe();
            String text = strings.get(bytes, 0, bytes.length);
            return text.equals("-") ? null : text;
        }

        /**
         * A decimal number's value; absent for {@code -} (null), {@link Long#MIN_VALUE} for text that is not a
         * number.
         */
        private static long numberOf(String text) {
            if (text == null) {
                return FlowRecord.ABSENT;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return Long.MIN_VALUE;
            }
        }
    }
}
