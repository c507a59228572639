package jp.govcloudops.archive.write;

import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes the parsers' reused record objects straight into Parquet's record consumer: no row object per record, and
 * text values go in as the strings the parsers already hold (or, for JSON values, as their bytes in the record).
 */
abstract class RecordWriteSupport<T> extends WriteSupport<T> {

    private final MessageType schema;
    private RecordConsumer out;
    /** The segment the records written now belong to. */
    long segment;

    RecordWriteSupport(MessageType schema) {
        this.schema = schema;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public final void write(T record) {
        out.startMessage();
        writeFields(record);
        out.endMessage();
    }

    abstract void writeFields(T record);

    final void text(int index, String name, String value) {
        if (value != null) {
            out.startField(name, index);
            out.addBinary(Binary.fromString(value));
            out.endField(name, index);
        }
    }

    final void bytes(int index, String name, byte[] buffer, int from, int length) {
        out.startField(name, index);
        out.addBinary(Binary.fromReusedByteArray(buffer, from, length));
        out.endField(name, index);
    }

    final void int64(int index, String name, long value) {
        out.startField(name, index);
        out.addLong(value);
        out.endField(name, index);
    }

    final void int32(int index, String name, int value) {
        out.startField(name, index);
        out.addInteger(value);
        out.endField(name, index);
    }

    final void bool(int index, String name, Boolean value) {
        if (value != null) {
            out.startField(name, index);
            out.addBoolean(value);
            out.endField(name, index);
        }
    }
}
