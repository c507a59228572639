package jp.govcloudops.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams the JSON values of a file of security findings or configuration items, one at a time, never the whole
 * file: JSON Lines (GuardDuty's export), newline-separated or back-to-back values (Firehose), a bare array, or one
 * object whose array field {@code unwrapField} holds the items (Config's {@code configurationItems}), which is read
 * element by element. Each value is handed over as a small tree: these files hold hundreds of findings, not the
 * millions of records of a trail, so a tree per finding is cheap and keeps the field rules readable.
 *
 * <p>When the first line is a whole value the file is read line by line, so that a line that is not JSON is
 * quarantined and the next one read. Otherwise one parser reads the file and a syntax error makes the rest
 * unreadable ({@link UnreadableInputException}), the values before it standing. Positions count from 1.
 */
public final class JsonValues {

    /** Receives each value with its position ("line 3", "value 2", "item 17"). */
    @FunctionalInterface
    public interface Sink {
        void accept(JsonNode value, String position);
    }

    private static final int EXCERPT_CHARS = 300;

    private final JsonMapper mapper;
    private final RecordLimits limits;
    private final String unwrapField;

    public JsonValues(RecordLimits limits, String unwrapField) {
        this.limits = limits;
        this.unwrapField = unwrapField;
        this.mapper = JsonMapper.builder(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(limits.maxValueBytes())
                        .build())
                .build()).disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** Reads every value; returns how many values were handed over or quarantined. */
    public long read(InputStream decompressed, Sink sink, Quarantine quarantine) {
        BufferedInputStream in = new BufferedInputStream(decompressed, 1 << 16);
        try {
            int bound = Math.min(limits.maxRecordBytes(), 1 << 20);
            in.mark(bound + 1);
            byte[] first = readLine(in, bound);
            in.reset();
            if (first != null && isWholeValue(first)) {
                return readLines(in, sink, quarantine);
            }
            return readStream(in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isWholeValue(byte[] line) {
        int start = 0;
        while (start < line.length && Character.isWhitespace(line[start])) {
            start++;
        }
        if (start == line.length || line[start] != '{' && line[start] != '[') {
            return false;
        }
        try (JsonParser parser = mapper.createParser(line)) {
            parser.nextToken();
            parser.skipChildren();
            // A first line that is a whole value and nothing after it: JSON Lines. A one-line Config file with its
            // configuration items is read by the streaming parser, item by item.
            return parser.nextToken() == null && (unwrapField == null || !new String(line, StandardCharsets.UTF_8)
                    .contains("\"" + unwrapField + "\""));
        } catch (JacksonException e) {
            return false;
        }
    }

    private long readLines(BufferedInputStream in, Sink sink, Quarantine quarantine) throws IOException {
        long values = 0;
        long lineNumber = 0;
        LineBuffer line = new LineBuffer(limits.maxRecordBytes());
        while (line.next(in)) {
            lineNumber++;
            if (line.blank()) {
                continue;
            }
            String position = "line " + lineNumber;
            if (line.tooLong()) {
                quarantine.reject(position, "line longer than " + RecordLimits.describe(limits.maxRecordBytes())
                        + " (govcloud.ingest.max-record-size)", null);
                values++;
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(line.bytes(), 0, line.length());
            } catch (JacksonException e) {
                quarantine.reject(position, "not JSON: " + e.getOriginalMessage(), line.excerpt(EXCERPT_CHARS));
                values++;
                continue;
            }
            if (node.isArray()) {
                int element = 0;
                for (JsonNode item : node) {
                    sink.accept(item, position + " element " + ++element);
                    values++;
                }
            } else {
                sink.accept(node, position);
                values++;
            }
        }
        return values;
    }

    private long readStream(InputStream in, Sink sink) {
        long values = 0;
        long top = 0;
        try (JsonParser parser = mapper.createParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                top++;
                if (token == JsonToken.START_ARRAY) {
                    int element = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        sink.accept(mapper.readTree(parser), "value " + top + " element " + ++element);
                        values++;
                    }
                } else if (token == JsonToken.START_OBJECT && unwrapField != null) {
                    values += readEnvelope(parser, sink, "value " + top);
                } else {
                    sink.accept(mapper.readTree(parser), "value " + top);
                    values++;
                }
            }
        } catch (JacksonException e) {
            throw new UnreadableInputException("value " + (top + 1) + " (byte "
                    + (e.getLocation() == null ? "?" : e.getLocation().getByteOffset() + 1) + ")",
                    "unreadable JSON: " + e.getOriginalMessage(), e);
        }
        return values;
    }

    /**
     * An object whose {@code unwrapField} array holds the items: each item is handed over on its own; an object
     * without that array is handed over whole.
     */
    private long readEnvelope(JsonParser parser, Sink sink, String position) {
        ObjectNode rest = mapper.createObjectNode();
        long items = 0;
        boolean unwrapped = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(unwrapField) && value == JsonToken.START_ARRAY) {
                unwrapped = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    sink.accept(mapper.readTree(parser), position + " item " + ++items);
                }
            } else {
                rest.set(name, mapper.readTree(parser));
            }
        }
        if (!unwrapped) {
            sink.accept(rest, position);
            return 1;
        }
        return items;
    }

    private static byte[] readLine(InputStream in, int bound) throws IOException {
        LineBuffer line = new LineBuffer(bound);
        return line.next(in) && !line.tooLong() ? Arrays.copyOf(line.bytes(), line.length()) : null;
    }

    /** One line of bytes at a time into a reused buffer; a line over the bound is skipped to its end. */
    private static final class LineBuffer {
        private final int bound;
        private byte[] buffer = new byte[8192];
        private int length;
        private boolean tooLong;

        LineBuffer(int bound) {
            this.bound = bound;
        }

        boolean next(InputStream in) throws IOException {
            length = 0;
            tooLong = false;
            int b = in.read();
            if (b < 0) {
                return false;
            }
            while (b >= 0 && b != '\n') {
                if (length < bound) {
                    if (length == buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.min(bound, buffer.length * 2));
                    }
                    buffer[length++] = (byte) b;
                } else {
                    tooLong = true;
                }
                b = in.read();
            }
            return true;
        }

        boolean blank() {
            for (int i = 0; i < length; i++) {
                if (!Character.isWhitespace(buffer[i])) {
                    return false;
                }
            }
            return !tooLong;
        }

        boolean tooLong() {
            return tooLong;
        }

        byte[] bytes() {
            return buffer;
        }

        int length() {
            return length;
        }

        String excerpt(int chars) {
            String text = new String(buffer, 0, Math.min(length, chars * 4), StandardCharsets.UTF_8);
            return text.length() > chars ? text.substring(0, chars) : text;
        }
    }
}
