package jp.govcloudops.format.cost;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jp.govcloudops.format.ParquetFiles;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.StringCache;
import jp.govcloudops.format.UnreadableInputException;
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
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a CUR 2.0 or FOCUS export in Parquet row group by row group. Only the columns the aggregates use are
 * requested (an export has a hundred or more), and their values go straight into a reused
 * {@link CostRowAssembler}: decimals as unscaled longs, timestamps as numbers, repeating text through a cache.
 * Understands DECIMAL (int32, int64, binary), DOUBLE, string and timestamp (millis, micros, nanos, INT96) columns,
 * and the CUR 2.0 {@code product} map.
 */
public final class CostParquetReader {

    private static final long JULIAN_EPOCH_DAY = 2_440_588L;

    private final StringCache strings = new StringCache(1 << 14);
    private final AsciiView view = new AsciiView();

    public CostCsvReader.Result read(Path file, String label, int fallbackBillingPeriod, Consumer<CostLine> lines,
            Quarantine quarantine) {
        long rows = 0;
        try (ParquetFileReader reader = ParquetFiles.open(file)) {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            List<String> names = new ArrayList<>();
            for (Type field : fileSchema.getFields()) {
                names.add(field.getName());
            }
            ColumnBinding binding = ColumnBinding.of(names, label);
            List<Type> projected = new ArrayList<>();
            List<CostField> fields = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                CostField field = binding.field(i);
                Type type = fileSchema.getType(i);
                if (field != null && (type.isPrimitive() || field == CostField.PRODUCT_MAP && isMap(type))) {
                    projected.add(type);
                    fields.add(field);
                }
            }
            MessageType requested = new MessageType(fileSchema.getName(), projected);
            reader.setRequestedSchema(requested);
            MessageColumnIO columnIo = new ColumnIOFactory().getColumnIO(requested, fileSchema);
            CostRowAssembler row = new CostRowAssembler(binding, fallbackBillingPeriod);
            Materializer materializer = new Materializer(row, projected, fields);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<CostLine> records = columnIo.getRecordReader(pages, materializer);
                long count = pages.getRowCount();
                for (long i = 0; i < count; i++) {
                    records.read();
                    rows++;
                    String problem = row.finish();
                    if (problem != null) {
                        quarantine.reject("row " + rows, problem, row.excerpt());
                    } else {
                        lines.accept(row.line());
                    }
                }
            }
            return new CostCsvReader.Result(binding.schema(), rows);
        } catch (UnreadableInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException("row " + (rows + 1), label + ": not a readable Parquet file after "
                    + rows + " rows: " + e.getMessage(), e);
        }
    }

    /** A MAP group: one repeated key/value group of two primitive fields. */
    private static boolean isMap(Type type) {
        if (type.isPrimitive()) {
            return false;
        }
        GroupType group = type.asGroupType();
        if (group.getFieldCount() != 1 || group.getType(0).isPrimitive()
                || !group.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            return false;
        }
        GroupType entry = group.getType(0).asGroupType();
        return entry.getFieldCount() == 2 && entry.getType(0).isPrimitive() && entry.getType(1).isPrimitive();
    }

    private final class Materializer extends RecordMaterializer<CostLine> {
        private final CostRowAssembler row;
        private final Converter[] converters;
        private final GroupConverter root;

        Materializer(CostRowAssembler row, List<Type> types, List<CostField> fields) {
            this.row = row;
            converters = new Converter[types.size()];
            for (int i = 0; i < types.size(); i++) {
                converters[i] = fields.get(i) == CostField.PRODUCT_MAP ? new ProductMapConverter(row)
                        : converter(row, fields.get(i), types.get(i).asPrimitiveType());
            }
            root = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return converters[fieldIndex];
                }

                @Override
                public void start() {
                    row.start();
                }

                @Override
                public void end() {
                }
            };
        }

        @Override
        public CostLine getCurrentRecord() {
            return row.line();
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }

    private Converter converter(CostRowAssembler row, CostField field, PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        int decimalScale = logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d ? d.getScale() : -1;
        long timeDivisor = timeDivisor(logical, type);
        boolean date = logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation;
        return new PrimitiveConverter() {
            @Override
            public void addBinary(Binary value) {
                if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
                    row.time(field, int96Seconds(value));
                    return;
                }
                if (decimalScale >= 0) {
                    if (field.isDecimal()) {
                        row.decimal(field).setUnscaledBytes(value.getBytes(), decimalScale);
                    } else {
                        row.text(field, new java.math.BigDecimal(new java.math.BigInteger(value.getBytes()),
                                decimalScale).toPlainString());
                    }
                    return;
                }
                byte[] bytes = value.getBytesUnsafe();
                int length = value.length();
                if (field.isDecimal()) {
                    DecimalValue slot = row.decimal(field);
                    if (!slot.parse(view.set(bytes, 0, length))) {
                        row.text(field, view.toString());
                    }
                } else if (field.isTime()) {
                    long seconds = UtcTimestamps.parse(view.set(bytes, 0, length));
                    if (seconds == UtcTimestamps.INVALID) {
                        row.text(field, view.toString());
                    } else {
                        row.time(field, seconds);
                    }
                } else {
                    row.text(field, strings.get(bytes, 0, length));
                }
            }

            @Override
            public void addInt(int value) {
                addLong(value);
            }

            @Override
            public void addLong(long value) {
                if (date) {
                    row.time(field, value * 86_400L);
                } else if (timeDivisor > 0) {
                    row.time(field, Math.floorDiv(value, timeDivisor));
                } else if (field.isDecimal()) {
                    row.decimal(field).set(value, Math.max(decimalScale, 0));
                } else if (field.isTime()) {
                    row.time(field, Math.floorDiv(value, 1000L)); // an unannotated number: epoch milliseconds
                } else {
                    row.text(field, decimalScale > 0 ? java.math.BigDecimal.valueOf(value, decimalScale).toPlainString()
                            : Long.toString(value));
                }
            }

            @Override
            public void addDouble(double value) {
                if (field.isDecimal()) {
                    if (!row.decimal(field).setDouble(value)) {
                        row.text(field, Double.toString(value));
                    }
                } else {
                    row.text(field, Double.toString(value));
                }
            }

            @Override
            public void addFloat(float value) {
                addDouble(Double.parseDouble(Float.toString(value)));
            }

            @Override
            public void addBoolean(boolean value) {
                row.text(field, Boolean.toString(value));
            }
        };
    }

    /** Units per second of a timestamp column, or 0 when the column is not a timestamp. */
    private static long timeDivisor(LogicalTypeAnnotation logical, PrimitiveType type) {
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
            return switch (t.getUnit()) {
                case MILLIS -> 1_000L;
                case MICROS -> 1_000_000L;
                case NANOS -> 1_000_000_000L;
            };
        }
        return 0;
    }

    /** INT96: nanoseconds of the day (8 bytes) then the Julian day (4 bytes), little-endian. */
    private static long int96Seconds(Binary value) {
        ByteBuffer buffer = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanos = buffer.getLong();
        int julianDay = buffer.getInt();
        return (julianDay - JULIAN_EPOCH_DAY) * 86_400L + Math.floorDiv(nanos, 1_000_000_000L);
    }

    /** The product map: each key/value entry goes to the row as it completes. */
    private final class ProductMapConverter extends GroupConverter {
        private final CostRowAssembler row;
        private final GroupConverter entry;
        private String key;
        private String value;

        ProductMapConverter(CostRowAssembler row) {
            this.row = row;
            PrimitiveConverter keyConverter = new PrimitiveConverter() {
                @Override
                public void addBinary(Binary binary) {
                    key = strings.get(binary.getBytesUnsafe(), 0, binary.length());
                }
            };
            PrimitiveConverter valueConverter = new PrimitiveConverter() {
                @Override
                public void addBinary(Binary binary) {
                    value = strings.get(binary.getBytesUnsafe(), 0, binary.length());
                }
            };
            entry = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return fieldIndex == 0 ? keyConverter : valueConverter;
                }

                @Override
                public void start() {
                    key = null;
                    value = null;
                }

                @Override
                public void end() {
                    if (key != null) {
                        ProductMapConverter.this.row.productAttribute(key, value);
                    }
                }
            };
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return entry;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }
}
