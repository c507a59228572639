package jp.govcloudops.format.cloudtrail;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One CloudTrail record, reused from record to record by {@link CloudTrailReader}: copy what you keep.
 * The raw bytes of the record are available while the record is current, so a finding can keep the record
 * exactly as AWS wrote it without the reader building a tree for every record.
 */
public final class CloudTrailEvent {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final long NO_TIME = Long.MIN_VALUE + 1;

    long position;
    long eventEpochSecond;
    String eventVersion;
    String eventSource;
    String eventName;
    String awsRegion;
    String sourceIpAddress;
    String userAgent;
    String errorCode;
    String errorMessage;
    Boolean readOnly;
    String eventType;
    String recipientAccountId;
    String identityType;
    String identityArn;
    String identityAccountId;
    String userName;
    String invokedBy;
    String sessionIssuerArn;
    String mfaUsed;
    String consoleLoginResult;
    String mfaAuthenticated;
    String principalId;
    String accessKeyId;
    String eventId;
    String requestId;
    String vpcEndpointId;
    /** Spans of JSON values in the raw record, start in the high half, end in the low half; 0 when absent. */
    long requestParameters;
    long responseElements;
    long resources;
    String invalidEventTime;
    String implausibleEventTime;

    byte[] rawBuffer;
    int rawOffset;
    int rawLength;
    private JsonNode tree;

    void clear() {
        eventEpochSecond = NO_TIME;
        invalidEventTime = implausibleEventTime = null;
        eventVersion = eventSource = eventName = awsRegion = sourceIpAddress = userAgent = null;
        errorCode = errorMessage = eventType = recipientAccountId = null;
        identityType = identityArn = identityAccountId = userName = invokedBy = sessionIssuerArn = null;
        mfaUsed = consoleLoginResult = mfaAuthenticated = null;
        principalId = accessKeyId = eventId = requestId = vpcEndpointId = null;
        requestParameters = responseElements = resources = 0;
        readOnly = null;
        rawBuffer = null;
        rawLength = 0;
        tree = null;
    }

    /** Position of the record in its file's Records array, from 1. */
    public long position() {
        return position;
    }

    public long eventEpochSecond() {
        return eventEpochSecond;
    }

    public long eventHour() {
        return Math.floorDiv(eventEpochSecond, 3600);
    }

    public String eventVersion() {
        return eventVersion;
    }

    public String eventSource() {
        return eventSource;
    }

    public String eventName() {
        return eventName;
    }

    public String awsRegion() {
        return awsRegion;
    }

    public String sourceIpAddress() {
        return sourceIpAddress;
    }

    public String userAgent() {
        return userAgent;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public Boolean readOnly() {
        return readOnly;
    }

    public String eventType() {
        return eventType;
    }

    public String recipientAccountId() {
        return recipientAccountId;
    }

    public String identityType() {
        return identityType;
    }

    public String identityArn() {
        return identityArn;
    }

    public String identityAccountId() {
        return identityAccountId;
    }

    public String userName() {
        return userName;
    }

    public String invokedBy() {
        return invokedBy;
    }

    public String sessionIssuerArn() {
        return sessionIssuerArn;
    }

    /** {@code additionalEventData.MFAUsed} of console sign-ins ("Yes"/"No"). */
    public String mfaUsed() {
        return mfaUsed;
    }

    /** {@code responseElements.ConsoleLogin} ("Success"/"Failure"). */
    public String consoleLoginResult() {
        return consoleLoginResult;
    }

    /** {@code userIdentity.sessionContext.attributes.mfaAuthenticated}. */
    public String mfaAuthenticated() {
        return mfaAuthenticated;
    }

    /**
     * A stable name for who acted, suited to grouping: the role for assumed-role sessions (session names vary per
     * call), the user ARN for IAM users, the service for AWS services, else whatever identifies the caller.
     */
    public String principal() {
        if (identityType == null) {
            return invokedBy;
        }
        return switch (identityType) {
            case "AssumedRole", "FederatedUser" -> sessionIssuerArn != null ? sessionIssuerArn : identityArn;
            case "AWSService" -> invokedBy;
            case "AWSAccount" -> identityAccountId;
            default -> identityArn != null ? identityArn : (userName != null ? userName : identityAccountId);
        };
    }

    public String principalId() {
        return principalId;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String eventId() {
        return eventId;
    }

    public String requestId() {
        return requestId;
    }

    public String vpcEndpointId() {
        return vpcEndpointId;
    }

    /** {@code requestParameters} as written in the record (an object), or absent: see {@link #rawValue}. */
    public long requestParametersSpan() {
        return requestParameters;
    }

    public long responseElementsSpan() {
        return responseElements;
    }

    public long resourcesSpan() {
        return resources;
    }

    /** The raw buffer holding the record; with {@link #rawOffset()} and a span, a JSON value's bytes. */
    public byte[] rawBuffer() {
        return rawBuffer;
    }

    public int rawOffset() {
        return rawOffset;
    }

    /** The text of a span of this record (a JSON value as written), or null when absent. */
    public String rawValue(long span) {
        if (span == 0 || rawBuffer == null) {
            return null;
        }
        int from = (int) (span >>> 32);
        return new String(rawBuffer, rawOffset + from, (int) span - from, StandardCharsets.UTF_8);
    }

    public boolean hasRaw() {
        return rawBuffer != null;
    }

    /** The record as written in the file (valid while the record is current). */
    public String rawJson() {
        return rawBuffer == null ? null : new String(rawBuffer, rawOffset, rawLength, StandardCharsets.UTF_8);
    }

    /** The record as a tree, built on first use from the raw bytes: for predicates on request parameters. */
    public JsonNode tree() {
        if (tree == null && rawBuffer != null) {
            tree = MAPPER.readTree(rawBuffer, rawOffset, rawLength);
        }
        return tree;
    }
}
