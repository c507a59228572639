package jp.govcloudops.format.cloudtrail;

import java.io.InputStream;
import java.util.function.Consumer;

import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.StringCache;
import jp.govcloudops.format.UnreadableInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams the records of a CloudTrail log file ({@code {"Records":[...]}} or a bare JSON array) without holding the
 * file in memory. A record that cannot be placed in time goes to the quarantine and the file goes on; when the
 * rest of the file cannot be read (broken JSON, truncated input, not CloudTrail at all) the records read so far
 * stand and an {@link UnreadableInputException} says where reading stopped.
 */
public final class CloudTrailReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int MAX_RAW_RECORD = 8 * 1024 * 1024;

    private final StringCache strings = new StringCache(1 << 14);
    private final CloudTrailEvent event = new CloudTrailEvent();

    /** Reads every record, returning how many records the file held (accepted and quarantined). */
    public long read(InputStream decompressed, Consumer<CloudTrailEvent> events, Quarantine quarantine) {
        RecordCapture capture = new RecordCapture(decompressed, MAX_RAW_RECORD);
        long records = 0;
        boolean inRecord = false;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), capture)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new UnreadableInputException("byte 0", "empty file: no CloudTrail Records", null);
            }
            if (first == JsonToken.START_OBJECT) {
                seekRecordsArray(parser);
            } else if (first != JsonToken.START_ARRAY) {
                throw new UnreadableInputException("byte 0", "not a CloudTrail log file: it starts with " + first
                        + " instead of {\"Records\":[...]} or an array", null);
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new UnreadableInputException("record " + records,
                            "file ends inside the Records array after " + records + " records", null);
                }
                long index = records++;
                inRecord = true;
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    quarantine.reject("record " + index, "Records element is " + token + ", not an object", null);
                    inRecord = false;
                    continue;
                }
                long start = parser.currentTokenLocation().getByteOffset();
                capture.discardBefore(start);
                event.clear();
                event.index = index;
                readRecord(parser);
                capture.capture(event, start, parser.currentTokenLocation().getByteOffset());
                String problem = problem();
                if (problem != null) {
                    quarantine.reject("record " + index, problem, excerpt());
                } else {
                    events.accept(event);
                }
                inRecord = false;
            }
        } catch (JacksonException e) {
            // The record being read when reading failed is the last one counted; those before it stand.
            long failed = Math.max(0, records - (inRecord ? 1 : 0));
            records = failed;
            String where = e.getLocation() == null ? "record " + failed
                    : "record " + failed + " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String reason = e instanceof tools.jackson.core.exc.JacksonIOException
                    ? "input ends or breaks off after " + records + " records: " + cause.getMessage()
                    : "malformed JSON after " + records + " records: " + e.getOriginalMessage();
            throw new UnreadableInputException(where, reason, cause);
        }
        return records;
    }

    private void seekRecordsArray(JsonParser parser) {
        StringBuilder seen = new StringBuilder();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("Records")) {
                if (value != JsonToken.START_ARRAY) {
                    throw new UnreadableInputException("byte 0", "\"Records\" is " + value + ", not an array", null);
                }
                return;
            }
            if (seen.length() < 200) {
                seen.append(seen.isEmpty() ? "" : ", ").append(name);
            }
            parser.skipChildren();
        }
        String kind = seen.indexOf("digestStartTime") >= 0 ? " (a CloudTrail digest file)" : "";
        throw new UnreadableInputException("byte 0",
                "not a CloudTrail log file" + kind + ": no \"Records\" array; top-level fields: " + seen, null);
    }

    private void readRecord(JsonParser p) {
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
                case "responseElements" -> event.consoleLoginResult = nestedText(p, value, "ConsoleLogin");
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
        // Insights events carry their event source and name inside insightDetails only.
        if (event.eventSource == null && event.eventName == null && !"AwsCloudTrailInsight".equals(event.eventType)) {
            return "not a CloudTrail record: no eventSource and no eventName";
        }

        return null;
    }

    private String excerpt() {
        String raw = event.rawJson();
        if (raw == null) {
            return null;
        }
        return raw.length() <= 500 ? raw : raw.substring(0, 500) + "...";
    }
}
