package jp.govcloudops.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/** Writes flow-log records as AWS delivers them: gzip text with a header line, or Parquet. */
final class FlowLogEncoders {

    private FlowLogEncoders() {
    }

    /** Space-separated text, header line first, {@code -} for absent values. */
    static byte[] text(List<FlowLogFields> fields, int version, List<FlowRow> rows) {
        StringBuilder out = new StringBuilder(64 + rows.size() * 120);
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : " ").append(fields.get(i).header);
        }
        out.append('\n');
        for (FlowRow row : rows) {
            for (int i = 0; i < fields.size(); i++) {
                Object value = fields.get(i).value(row, version);
                out.append(i == 0 ? "" : " ").append(value == null ? "-" : value);
            }
            out.append('\n');
        }
        return ObjectSink.gzip(out.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Parquet with AWS's column names (header names with underscores): int32 for version, ports, protocol, TCP
     * flags and traffic path, int64 for packets, bytes, start and end, UTF-8 strings for the rest; every column
     * optional, null where the text format has {@code -}. Gzip-compressed pages, as AWS writes them.
     */
    static long parquet(List<FlowLogFields> fields, int version, List<FlowRow> rows, Path file) {
        Types.MessageTypeBuilder schema = Types.buildMessage();
        for (FlowLogFields field : fields) {
            switch (field.kind) {
                case INT -> schema.optional(PrimitiveTypeName.INT32).named(field.parquetName());
                case LONG -> schema.optional(PrimitiveTypeName.INT64).named(field.parquetName());
                case STRING -> schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(field.parquetName());
            }
        }
        MessageType type = schema.named("schema");
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try {
            Files.createDirectories(file.getParent());
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withConf(new PlainParquetConfiguration())
                    .withType(type)
                    .withCompressionCodec(CompressionCodecName.GZIP)
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .build()) {
                for (FlowRow row : rows) {
                    Group group = groups.newGroup();
                    for (FlowLogFields field : fields) {
                        Object value = field.value(row, version);
                        if (value == null) {
                            continue;
                        }
                        switch (field.kind) {
                            case INT -> group.add(field.parquetName(), ((Number) value).intValue());
                            case LONG -> group.add(field.parquetName(), ((Number) value).longValue());
                            case STRING -> group.add(field.parquetName(), value.toString());
                        }
                    }
                    writer.write(group);
                }
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Parquet flow log " + file, e);
        }
    }
}
