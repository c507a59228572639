package jp.govcloudops.format.flowlog;

import jp.govcloudops.format.IpV4;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jp.govcloudops.format.IpLiterals;
import jp.govcloudops.format.ParquetFiles;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.StringCache;
import jp.govcloudops.format.TimeWindow;
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
 * aggregates use are decoded, straight into one reused {@link FlowRecord}. Unknown columns are ignored. A row
 * holding what its column may not ({@link FlowValues}, a start or end outside the object's {@link TimeWindow}, a
 * number column's text that is not a number) goes to the quarantine naming the column and the value; a NODATA or
 * SKIPDATA row without traffic numbers (null, or the text {@code None} some exporters write) is a normal record.
 * Rows count from 1.
 */
public final class FlowLogParquetReader {

    private static final Set<FlowField> USED = EnumSet.of(FlowField.ACCOUNT_ID, FlowField.INTERFACE_ID,
            FlowField.SRCADDR, FlowField.DSTADDR, FlowField.PKT_SRCADDR, FlowField.PKT_DSTADDR, FlowField.SRCPORT,
            FlowField.DSTPORT, FlowField.PROTOCOL, FlowField.PACKETS, FlowField.BYTES, FlowField.START, FlowField.END,
            FlowField.ACTION, FlowField.LOG_STATUS, FlowField.TCP_FLAGS, FlowField.VERSION);
    private static final FlowField[] ADDRESS_FIELDS = {FlowField.SRCADDR, FlowField.DSTADDR, FlowField.PKT_SRCADDR,
        FlowField.PKT_DSTADDR};
    /** In a number slot: the column held text that is not a number, or the text "None". */
    private static final long NOT_A_NUMBER = Long.MIN_VALUE;
    private static final long NONE = Long.MIN_VALUE + 1;

    // Address columns, by index into the materializer's addresses.
    private static final int SRC = 0;
    private static final int DST = 1;
    private static final int PKT_SRC = 2;
    private static final int PKT_DST = 3;

    private final StringCache strings = new StringCache(1 << 14);
    private final byte[] v6Scratch = new byte[16];

    /**
     * Reads every row; returns the number of rows. Rows without a start take {@code fallbackStart}; rows whose start
     * or end is outside {@code window} are quarantined.
     */
    public long read(Path file, TimeWindow window, long fallbackStart, Consumer<FlowRecord> records,
            Quarantine quarantine) {
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
            Materializer materializer = new Materializer(fields, types, window);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<FlowRecord> rowReader = columnIo.getRecordReader(pages, materializer);
                long count = pages.getRowCount();
                for (long i = 0; i < count; i++) {
                    FlowRecord record = rowReader.read();
                    record.position = ++rows;
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
            throw new UnreadableInputException("row " + (rows + 1), "not a readable Parquet flow log after " + rows
                    + " rows: " + e.getMessage(), e);
        }
        return rows;
    }

    private final class Materializer extends RecordMaterializer<FlowRecord> {
        private final FlowRecord record = new FlowRecord();
        private final Converter[] converters;
        private final TimeWindow window;
        /** The number fields of the file, checked in {@link #finish}. */
        private final FlowField[] numberFields;
        /** The row's address columns' bytes, by index: source, destination, packet source, packet destination. */
        private final byte[][] addresses = new byte[4][];
        /** Per number slot: the text of a value that is not a number, valid while the slot holds NOT_A_NUMBER. */
        private final String[] notNumbers = new String[FlowRecord.NUMBER_SLOTS];
        /** Why the row cannot be stored, noted by the first column whose value its field may not hold. */
        private String problem;
        /** The row's version (checked, not stored), and its text when that is not a number. */
        private long version;
        private String versionText;
        private final GroupConverter root = new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return converters[fieldIndex];
            }

            @Override
            public void start() {
                record.clear();
                Arrays.fill(addresses, null);
                problem = null;
                version = FlowRecord.ABSENT;
            }

            @Override
            public void end() {
            }
        };

        Materializer(List<FlowField> fields, List<PrimitiveTypeName> types, TimeWindow window) {
            this.window = window;
            converters = new Converter[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                converters[i] = new ColumnConverter(fields.get(i), types.get(i));
            }
            numberFields = fields.stream().filter(f -> FlowRecord.numberSlot(f) >= 0).toArray(FlowField[]::new);
        }

        /**
         * Checks the row and applies its addresses and the fallback time; returns a reason naming the column and
         * its value when the row cannot be stored.
         */
        String finish(long fallbackStart) {
            if (problem != null) {
                return problem;
            }
            int source = present(addresses[PKT_SRC]) ? PKT_SRC : SRC;
            int destination = present(addresses[PKT_DST]) ? PKT_DST : DST;
            for (int a = 0; a < addresses.length; a++) {
                byte[] address = addresses[a];
                if (a != source && a != destination && present(address)
                        && !IpV4.isValid(IpV4.parse(address, 0, address.length))
                        && !IpLiterals.isV6(address, 0, address.length, v6Scratch)) {
                    return notAnAddress(a);
                }
            }
            byte[] src = addresses[source];
            if (present(src)) {
                record.setSource(src, 0, src.length, StandardCharsets.UTF_8);
                if (!record.srcIsV4 && record.srcAddrBytes() == null) {
                    return notAnAddress(source);
                }
            }
            byte[] dst = addresses[destination];
            if (present(dst)) {
                record.setDestination(dst, 0, dst.length, StandardCharsets.UTF_8);
                if (!record.dstIsV4 && record.dstAddrBytes() == null) {
                    return notAnAddress(destination);
                }
            }
            if (version == NONE || version == NOT_A_NUMBER) {
                return "column version holds '" + versionText + "', not a number";
            }
            if (version != FlowRecord.ABSENT && (version < FlowValues.lowest(FlowField.VERSION)
                    || version > FlowValues.highest(FlowField.VERSION))) {
                return "column version holds " + version + ", outside " + FlowValues.range(FlowField.VERSION);
            }
            long[] numbers = record.numbers;
            boolean withoutTraffic = FlowValues.isWithoutTraffic(record.logStatus());
            for (FlowField field : numberFields) {
                int slot = FlowRecord.numberSlot(field);
                long value = numbers[slot];
                if (value == FlowRecord.ABSENT) {
                    continue;
                }
                if (value == NONE && withoutTraffic) {
                    numbers[slot] = FlowRecord.ABSENT;
                    continue;
                }
                String name = field.headerName().replace('-', '_');
                if (value == NONE || value == NOT_A_NUMBER) {
                    return "column " + name + " holds '" + (value == NONE ? "None" : notNumbers[slot])
                            + "', not a number";
                }
                boolean time = field == FlowField.START || field == FlowField.END;
                if (time ? !window.contains(value)
                        : value < FlowValues.lowest(field) || value > FlowValues.highest(field)) {
                    return time ? window.outsideEpochSeconds("column " + name, value)
                            : "column " + name + " holds " + value + ", outside " + FlowValues.range(field);
                }
            }
            if (numbers[FlowRecord.START] == FlowRecord.ABSENT) {
                numbers[FlowRecord.START] = fallbackStart;
            }
            return null;
        }

        private String notAnAddress(int a) {
            return "column " + ADDRESS_FIELDS[a].headerName().replace('-', '_') + " holds '"
                    + new String(addresses[a], StandardCharsets.UTF_8) + "', not an IPv4 or IPv6 address";
        }

        /** Notes the row's first value its column may not hold. */
        private void notAllowed(FlowField field, String value) {
            if (problem == null) {
                problem = "column " + field.headerName().replace('-', '_') + " holds '" + value + "', not "
                        + FlowValues.allowed(field);
            }
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
            private final int numberSlot;
            private byte[][] dictionaryAddresses;
            private String[] dictionaryTexts;
            /** Per dictionary id of a text column: whether the field may hold the value. */
            private boolean[] dictionaryAllowed;
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
                this.numberSlot = FlowRecord.numberSlot(field);
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
                    dictionaryAllowed = new boolean[size];
                    for (int id = 0; id < size; id++) {
                        Binary value = dictionary.decodeToBinary(id);
                        dictionaryTexts[id] = textOf(value);
                        dictionaryAllowed[id] = isAllowed(value);
                    }
                } else {
                    dictionaryTexts = new String[size];
                    dictionaryNumbers = new long[size];
                    for (int id = 0; id < size; id++) {
                        dictionaryTexts[id] = textOf(dictionary.decodeToBinary(id));
                        dictionaryNumbers[id] = numberOf(dictionaryTexts[id]);
                    }
                }
            }

            @Override
            public void addValueFromDictionary(int id) {
                if (address >= 0) {
                    addresses[address] = dictionaryAddresses[id];
                } else if (text) {
                    record.setText(field, dictionaryTexts[id]);
                    if (!dictionaryAllowed[id]) {
                        notAllowed(field, dictionaryTexts[id]);
                    }
                } else {
                    setNumber(dictionaryNumbers[id], dictionaryTexts == null ? null : dictionaryTexts[id]);
                }
            }

            @Override
            public void addBinary(Binary value) {
                if (address >= 0) {
                    addresses[address] = value.getBytes(); // the page's buffer may be reused before finish()
                } else if (text) {
                    String string = textOf(value);
                    record.setText(field, string);
                    if (!isAllowed(value)) {
                        notAllowed(field, string);
                    }
                } else {
                    String string = textOf(value);
                    setNumber(numberOf(string), string);
                }
            }

            @Override
            public void addInt(int value) {
                setNumber(value, null);
            }

            @Override
            public void addLong(long value) {
                setNumber(value, null);
            }

            private void setNumber(long value, String written) {
                if (numberSlot >= 0) {
                    record.numbers[numberSlot] = value;
                    if (value == NOT_A_NUMBER) {
                        notNumbers[numberSlot] = written;
                    }
                } else if (field == FlowField.VERSION) {
                    version = value;
                    versionText = written;
                }
            }

            /** Whether a text column's value is one its field may hold ("-", absent, always is). */
            private boolean isAllowed(Binary value) {
                byte[] bytes = value.getBytesUnsafe();
                return bytes.length == 1 && bytes[0] == '-' || FlowValues.isAllowed(field, bytes, 0, bytes.length);
            }
        }

        /** The value's text from the cache; null for {@code -}, the flow-log format's "absent". */
        private String textOf(Binary value) {
            byte[] bytes = value.getBytesUnsafe();
            String text = strings.get(bytes, 0, bytes.length);
            return text.equals("-") ? null : text;
        }

        /**
         * A decimal number's value; absent for {@code -} (null), {@link #NONE} for the text "None" (absent where the
         * record has no traffic), {@link #NOT_A_NUMBER} for other text that is not a number.
         */
        private static long numberOf(String text) {
            if (text == null) {
                return FlowRecord.ABSENT;
            }
            if (text.equals("None")) {
                return NONE;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return NOT_A_NUMBER;
            }
        }
    }
}
