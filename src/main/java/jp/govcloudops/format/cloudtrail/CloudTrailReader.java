package jp.govcloudops.format.cloudtrail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.RecordLimits;
import jp.govcloudops.format.StringCache;
import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.UnreadableInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams the records of a CloudTrail log file ({@code {"Records":[...]}} or a bare JSON array) without holding the
 * file in memory. A record that cannot be placed (no time, a time far from its folder date, too large to read) goes
 * to the quarantine and the file goes on. When the rest of the file cannot be read (broken JSON, truncated input,
 * not CloudTrail at all) the records read so far stand and an {@link UnreadableInputException} says where reading
 * stopped. An empty file (no bytes, or an empty gzip) holds no records; that is not an error. Positions count from 1
 * (record N, byte N).
 *
 * <p>Records are read in one pass by one parser over the file as long as each is shorter than the value bound (so
 * that no value in it can be longer): the parser refuses strings longer than that, and {@link RecordCapture}
 * refuses to hold more than the record bound. From a longer record on, the rest of the file is read the slower,
 * safe way: {@link RecordsArray} delimits each element by its bytes, a record too large is skipped as it streams
 * past, and the others are parsed one by one. Delimiting every record that way from the start cost a fifth more per
 * record (docs/benchmarks.md).
 */
public final class CloudTrailReader {

    private static final int EXCERPT_CHARS = 500;
    /** Bytes the parser reads ahead beyond a record, which the capture holds as well. */
    private static final int READ_AHEAD = 64 * 1024;

    private final StringCache strings = new StringCache(1 << 14);
    private final CloudTrailEvent event = new CloudTrailEvent();
    private final RecordLimits limits;
    private final int maxValue;
    private final JsonFactory json;
    private final RecordsArray array;
    private TimeWindow window;

    public CloudTrailReader() {
        this(RecordLimits.DEFAULT);
    }

    public CloudTrailReader(RecordLimits limits) {
        this.limits = limits;
        this.maxValue = limits.maxValueBytes();
        this.json = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(limits.maxValueBytes())
                        .maxNestingDepth(RecordsArray.MAX_DEPTH).build())
                .build();
        this.array = new RecordsArray(limits);
    }

    /**
     * Reads every record, returning how many records the file held (accepted and quarantined). Records whose time
     * is outside {@code window} are quarantined.
     */
    public long read(InputStream decompressed, TimeWindow window, Consumer<CloudTrailEvent> events,
            Quarantine quarantine) {
        this.window = window;
        RecordCapture capture = new RecordCapture(decompressed, limits.maxRecordBytes() + READ_AHEAD);
        long records = 0;
        boolean inRecord = false;
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), capture)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return 0;
            }
            if (first == JsonToken.START_OBJECT) {
                seekRecordsArray(parser);
            } else if (first != JsonToken.START_ARRAY) {
                throw new UnreadableInputException("byte 1", "not a CloudTrail log file: it starts with " + first
                        + " instead of {\"Records\":[...]} or an array", null);
            }
            // Where the file can be read on from without the parser: after the array's '[' or the last element.
            long resumeFrom = parser.currentLocation().getByteOffset();
            capture.discardBefore(resumeFrom);
            try {
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw new UnreadableInputException("record " + (records + 1),
                                "file ends inside the Records array after " + records + " records", null);
                    }
                    long position = ++records;
                    inRecord = true;
                    if (token != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        quarantine.reject("record " + position, "Records element is " + token + ", not an object",
                                null);
                    } else {
                        long start = parser.currentTokenLocation().getByteOffset();
                        event.clear();
                        event.position = position;
                        readRecord(parser);
                        long end = parser.currentTokenLocation().getByteOffset();
                        if (end - start >= maxValue) {
                            // It might hold a value longer than the bound in a field not read here: it is read
                            // again, with the rest of the file, by its bytes, which tell.
                            records--;
                            break;
                        }
                        capture.capture(event, start, end);
                        String problem = problem();
                        if (problem != null) {
                            quarantine.reject("record " + position, problem, excerpt(event));
                        } else {
                            deliver(events);
                        }
                    }
                    inRecord = false;
                    resumeFrom = parser.currentLocation().getByteOffset();
                    capture.discardBefore(resumeFrom);
                }
                if (token == JsonToken.END_ARRAY) {
                    return records;
                }
            } catch (StreamConstraintsException e) {
                records -= inRecord ? 1 : 0; // a value or a nesting beyond the bounds
            } catch (JacksonIOException e) {
                if (!(e.getCause() instanceof RecordCapture.TooLarge)) {
                    throw e;
                }
                records -= inRecord ? 1 : 0;
            }
            // A record too long for this read: it is read again, and the rest of the file, by its bytes.
            array.start(capture.heldFrom(resumeFrom), resumeFrom, records > 0, decompressed);
        } catch (JacksonException e) {
            // The record being read when reading failed is the last one counted; those before it stand.
            long failed = Math.max(0, records - (inRecord ? 1 : 0));
            String where = e.getLocation() == null ? "record " + (failed + 1)
                    : "record " + (failed + 1) + " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String reason = cause instanceof RecordCapture.TooLarge
                    ? "not a CloudTrail log file: more than " + RecordLimits.describe(limits.maxRecordBytes())
                            + " before its Records array"
                    : e instanceof JacksonIOException
                    ? "input ends or breaks off after " + failed + " records: " + cause.getMessage()
                    : "malformed JSON after " + failed + " records: " + e.getOriginalMessage();
            throw new UnreadableInputException(where, reason, cause);
        }
        return readDelimited(records, events, quarantine);
    }

    /** Hands the record on; a consumer's own Jackson failure must not pass for one of the file's. */
    private void deliver(Consumer<CloudTrailEvent> events) {
        try {
            events.accept(event);
        } catch (JacksonException e) {
            throw new IllegalStateException("a consumer of record " + event.position + " failed: " + e.getMessage(),
                    e);
        }
    }

    /** Reads the rest of the Records array element by element, from where {@link #array} was started. */
    private long readDelimited(long records, Consumer<CloudTrailEvent> events, Quarantine quarantine) {
        try {
            while (true) {
                switch (array.next()) {
                    case END -> {
                        return records;
                    }
                    case TRUNCATED -> throw truncated(records);
                    case MALFORMED -> throw new UnreadableInputException("record " + (records + 1) + " (byte "
                            + (array.stoppedAt() + 1) + ")", "malformed JSON after " + records + " records: '"
                            + (char) (array.unexpected() & 0xff) + "' where a ',' or ']' should follow a record", null);
                    case TOO_LARGE -> quarantine.reject("record " + ++records, "record too large to read: "
                            + array.tooLarge(), array.excerpt());
                    case ELEMENT -> {
                        records++;
                        if (parse(records, quarantine)) {
                            events.accept(event);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableInputException("record " + (records + 1),
                    "input ends or breaks off after " + records + " records: " + e.getMessage(), e);
        }
    }

    /**
     * Parses the element {@link #array} found into {@link #event}; true when it is a record to pass on, false when
     * it went to the quarantine. A parse error means the brackets balanced around something that is not JSON: the
     * rest of the file is not trusted, as a broken file is not.
     */
    private boolean parse(long position, Quarantine quarantine) {
        byte[] bytes = array.buffer();
        int start = array.start();
        int length = array.end() - start;
        event.clear();
        event.position = position;
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), bytes, start, length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                quarantine.reject("record " + position, "Records element is " + first + ", not an object", null);
                return false;
            }
            readRecord(parser);
        } catch (StreamConstraintsException e) {
            quarantine.reject("record " + position, "record too large to read: " + e.getOriginalMessage(),
                    excerpt(bytes, start, length));
            return false;
        } catch (JacksonException e) {
            throw malformed(position, e);
        }
        event.rawBuffer = bytes;
        event.rawOffset = start;
        event.rawLength = length;
        String problem = problem();
        if (problem != null) {
            quarantine.reject("record " + position, problem, excerpt(event));
            return false;
        }
        return true;
    }

    private UnreadableInputException malformed(long position, JacksonException e) {
        long at = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getByteOffset()); // in the element
        return new UnreadableInputException("record " + position + " (byte " + (array.fileOffset() + at + 1) + ")",
                "malformed JSON after " + (position - 1) + " records: " + e.getOriginalMessage(), e);
    }

    /**
     * The input ended inside the array. When it ended inside a record, the part read may already be broken JSON
     * (junk rather than a cut), which is the better reason to give.
     */
    private UnreadableInputException truncated(long records) {
        int held = array.partialLength();
        if (held > 0) {
            try (JsonParser parser = json.createParser(ObjectReadContext.empty(), array.buffer(), array.start(),
                    held)) {
                while (parser.nextToken() != null) {
                    parser.skipChildren();
                }
            } catch (UnexpectedEndOfInputException e) {
                // cut off, as said below
            } catch (JacksonException e) {
                return malformed(records + 1, e);
            }
        }
        return new UnreadableInputException("record " + (records + 1), "file ends inside the Records array after "
                + records + " records", null);
    }

    private void seekRecordsArray(JsonParser parser) {
        StringBuilder seen = new StringBuilder();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("Records")) {
                if (value != JsonToken.START_ARRAY) {
                    throw new UnreadableInputException("byte 1", "\"Records\" is " + value + ", not an array", null);
                }
                return;
            }
            if (seen.length() < 200) {
                seen.append(seen.isEmpty() ? "" : ", ").append(name);
            }
            parser.skipChildren();
        }
        String kind = seen.indexOf("digestStartTime") >= 0 ? " (a CloudTrail digest file)" : "";
        throw new UnreadableInputException("byte 1",
                "not a CloudTrail log file" + kind + ": no \"Records\" array; top-level fields: " + seen, null);
    }

    /** The parser's byte offset of the current record's '{'. */
    private long recordStart;

    private void readRecord(JsonParser p) {
        // The parser's byte offsets count from the file (one pass) or the buffer (delimited); the record's raw
        // bytes start at its '{', the current token.
        recordStart = p.currentTokenLocation().getByteOffset();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "eventTime" -> readEventTime(p, value);
                case "eventVersion" -> event.eventVersion = text(p, value);
                case "eventSource" -> event.eventSource = text(p, value);
                case "eventName" -> event.eventName = text(p, value);
                case "awsRegion" -> event.awsRegion = text(p, value);
                case "sourceIPAddress" -> event.sourceIpAddress = text(p, value);
                case "userAgent" -> event.userAgent = text(p, value);
                case "errorCode" -> event.errorCode = text(p, value);
                case "errorMessage" -> event.errorMessage = value == JsonToken.VALUE_STRING ? p.getString() : skip(p);
                case "readOnly" -> event.readOnly = value == JsonToken.VALUE_TRUE ? Boolean.TRUE
                        : value == JsonToken.VALUE_FALSE ? Boolean.FALSE
                        : value == JsonToken.VALUE_STRING ? Boolean.valueOf(p.getString()) : null;
                case "eventType" -> event.eventType = text(p, value);
                case "recipientAccountId" -> event.recipientAccountId = text(p, value);
                case "userIdentity" -> readIdentity(p, value);
                case "additionalEventData" -> event.mfaUsed = nestedText(p, value, "MFAUsed");
                case "responseElements" -> {
                    int from = spanStart(p, value);
                    event.consoleLoginResult = nestedText(p, value, "ConsoleLogin");
                    event.responseElements = span(p, from);
                }
                case "requestParameters" -> event.requestParameters = span(p, spanStart(p, value), true);
                case "resources" -> event.resources = span(p, spanStart(p, value), true);
                case "eventID" -> event.eventId = uniqueText(p, value);
                case "requestID" -> event.requestId = uniqueText(p, value);
                case "vpcEndpointId" -> event.vpcEndpointId = text(p, value);
                default -> p.skipChildren();
            }
        }
    }

    private void readEventTime(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            event.eventEpochSecond = EventTimes.parseEpochSecond(p.getStringCharacters(), p.getStringOffset(),
                    p.getStringLength());
            if (event.eventEpochSecond == EventTimes.INVALID) {
                event.invalidEventTime = p.getString();
            } else if (!window.contains(event.eventEpochSecond)) {
                event.implausibleEventTime = p.getString();
            }
        } else if (value != JsonToken.VALUE_NULL) {
            event.invalidEventTime = value.isScalarValue() ? p.getString() : value.toString();
            event.eventEpochSecond = EventTimes.INVALID;
            p.skipChildren();
        }
    }

    private void readIdentity(JsonParser p, JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "type" -> event.identityType = text(p, v);
                case "arn" -> event.identityArn = text(p, v);
                case "accountId" -> event.identityAccountId = text(p, v);
                case "userName" -> event.userName = text(p, v);
                case "invokedBy" -> event.invokedBy = text(p, v);
                case "principalId" -> event.principalId = text(p, v);
                case "accessKeyId" -> event.accessKeyId = text(p, v);
                case "sessionContext" -> readSessionContext(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private void readSessionContext(JsonParser p, JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "sessionIssuer" -> event.sessionIssuerArn = nestedText(p, v, "arn");
                case "attributes" -> event.mfaAuthenticated = nestedText(p, v, "mfaAuthenticated");
                default -> p.skipChildren();
            }
        }
    }

    /** The string value of {@code field} directly inside the object that starts at {@code value}. */
    private String nestedText(JsonParser p, JsonToken value, String field) {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String found = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals(field)) {
                found = text(p, v);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    private String text(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return strings.get(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isScalarValue()) {
            return p.getString();
        }
        p.skipChildren();
        return null;
    }

    /** A value unique to its record (an id): not kept in the string cache, which it would only crowd. */
    private static String uniqueText(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        p.skipChildren();
        return null;
    }

    /** Where an object or array value starts in the record, or -1 for any other value. */
    private int spanStart(JsonParser p, JsonToken value) {
        return value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY
                ? (int) (p.currentTokenLocation().getByteOffset() - recordStart) : -1;
    }

    /** The span of an object or array value already read to its end, packed as start and end; 0 when none. */
    private long span(JsonParser p, int from) {
        return from < 0 ? 0 : (long) from << 32 | (int) (p.currentLocation().getByteOffset() - recordStart);
    }

    /** As {@link #span(JsonParser, int)}, skipping the value first. */
    private long span(JsonParser p, int from, boolean skip) {
        if (skip) {
            p.skipChildren();
        }
        return span(p, from);
    }

    private static String skip(JsonParser p) {
        p.skipChildren();
        return null;
    }

    private String problem() {
        if (event.eventSource != null && event.eventSource.startsWith("aws:")) {
            return "an S3 event notification, not a CloudTrail record (eventSource " + event.eventSource + ")";
        }
        if (event.eventEpochSecond == CloudTrailEvent.NO_TIME) {
            return "no eventTime";
        }
        if (event.eventEpochSecond == EventTimes.INVALID) {
            return "eventTime '" + event.invalidEventTime + "' is not an ISO-8601 date-time with zone";
        }
        if (event.implausibleEventTime != null) {
            return window.outside("eventTime", event.implausibleEventTime);
        }
        // Insights events carry their event source and name inside insightDetails only.
        if (event.eventSource == null && event.eventName == null && !"AwsCloudTrailInsight".equals(event.eventType)) {
            return "not a CloudTrail record: no eventSource and no eventName";
        }

        return null;
    }

    private static String excerpt(CloudTrailEvent event) {
        return event.hasRaw() ? excerpt(event.rawBuffer, event.rawOffset, event.rawLength) : null;
    }

    private static String excerpt(byte[] bytes, int start, int length) {
        String raw = new String(bytes, start, Math.min(length, 4 * EXCERPT_CHARS), StandardCharsets.UTF_8);
        return raw.length() <= EXCERPT_CHARS && length <= 4 * EXCERPT_CHARS ? raw
                : raw.substring(0, Math.min(raw.length(), EXCERPT_CHARS)) + "...";
    }
}
