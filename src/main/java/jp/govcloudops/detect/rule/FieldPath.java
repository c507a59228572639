package jp.govcloudops.detect.rule;

import java.util.Arrays;
import java.util.function.Function;

import jp.govcloudops.format.cloudtrail.CloudTrailEvent;
import tools.jackson.databind.JsonNode;

/**
 * A dotted path into a record ({@code requestParameters.ipPermissions.items.fromPort}). Arrays met on the way are
 * walked element by element, so a path yields every value it reaches, and a test on a path holds when it holds
 * for any of them. Paths the CloudTrail parser already keeps (eventName, userIdentity.type, ...) are read from
 * the parsed record without building a tree. Inside {@code any_item} a path is relative to the element, unless
 * it starts with {@code $.} (the record root).
 */
final class FieldPath {

    /** A test on one value; {@code record} gives access to other fields (for equals_field). */
    interface ValueTest {
        boolean test(String value, RecordContext record);
    }

    private enum Named {
        EVENT_SOURCE("eventSource", CloudTrailEvent::eventSource),
        EVENT_NAME("eventName", CloudTrailEvent::eventName),
        AWS_REGION("awsRegion", CloudTrailEvent::awsRegion),
        SOURCE_IP("sourceIPAddress", CloudTrailEvent::sourceIpAddress),
        USER_AGENT("userAgent", CloudTrailEvent::userAgent),
        ERROR_CODE("errorCode", CloudTrailEvent::errorCode),
        ERROR_MESSAGE("errorMessage", CloudTrailEvent::errorMessage),
        READ_ONLY("readOnly", e -> e.readOnly() == null ? null : e.readOnly().toString()),
        EVENT_TYPE("eventType", CloudTrailEvent::eventType),
        RECIPIENT("recipientAccountId", CloudTrailEvent::recipientAccountId),
        IDENTITY_TYPE("userIdentity.type", CloudTrailEvent::identityType),
        IDENTITY_ARN("userIdentity.arn", CloudTrailEvent::identityArn),
        IDENTITY_ACCOUNT("userIdentity.accountId", CloudTrailEvent::identityAccountId),
        USER_NAME("userIdentity.userName", CloudTrailEvent::userName),
        INVOKED_BY("userIdentity.invokedBy", CloudTrailEvent::invokedBy),
        SESSION_ISSUER("userIdentity.sessionContext.sessionIssuer.arn", CloudTrailEvent::sessionIssuerArn),
        MFA_AUTHENTICATED("userIdentity.sessionContext.attributes.mfaAuthenticated",
                CloudTrailEvent::mfaAuthenticated),
        MFA_USED("additionalEventData.MFAUsed", CloudTrailEvent::mfaUsed),
        CONSOLE_LOGIN("responseElements.ConsoleLogin", CloudTrailEvent::consoleLoginResult),
        PRINCIPAL("principal", CloudTrailEvent::principal);

        final String path;
        final Function<CloudTrailEvent, String> getter;

        Named(String path, Function<CloudTrailEvent, String> getter) {
            this.path = path;
            this.getter = getter;
        }

        static Named of(String path) {
            return Arrays.stream(values()).filter(n -> n.path.equals(path)).findFirst().orElse(null);
        }
    }

    private final String text;
    private final boolean absolute;
    private final String[] segments;
    private final Named named;

    FieldPath(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty field path");
        }
        this.text = t;
        this.absolute = t.startsWith("$.");
        String body = absolute ? t.substring(2) : t;
        this.segments = Arrays.stream(body.split("\\.")).map(s -> s.replace("[*]", "").replace("[]", ""))
                .toArray(String[]::new);
        for (String s : segments) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("field path '" + text + "' has an empty segment");
            }
        }
        this.named = Named.of(body);
    }

    String text() {
        return text;
    }

    boolean isEventName() {
        return named == Named.EVENT_NAME;
    }

    /** Whether some value at this path passes {@code test}. */
    boolean anyValue(RecordContext record, ValueTest test) {
        if (named != null && (absolute || record.atRoot())) {
            // The parser's value is authoritative (absent means absent), so common tests such as errorCode never
            // make the record's tree be built.
            String value = named.getter.apply(record.event());
            return value != null && test.test(value, record);
        }
        JsonNode start = absolute || record.atRoot() ? record.root() : record.scope;
        return walk(start, 0, record, test);
    }

    boolean exists(RecordContext record) {
        return anyValue(record, (v, r) -> true);
    }

    /** Every node this path reaches (arrays walked), for any_item. */
    void forEachNode(RecordContext record, java.util.function.Predicate<JsonNode> visitor) {
        JsonNode start = absolute || record.atRoot() ? record.root() : record.scope;
        nodes(start, 0, visitor);
    }

    private boolean nodes(JsonNode node, int i, java.util.function.Predicate<JsonNode> visitor) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (nodes(element, i, visitor)) {
                    return true;
                }
            }
            return false;
        }
        if (i == segments.length) {
            return visitor.test(node);
        }
        return node.isObject() && nodes(node.get(segments[i]), i + 1, visitor);
    }

    private boolean walk(JsonNode node, int i, RecordContext record, ValueTest test) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (walk(element, i, record, test)) {
                    return true;
                }
            }
            return false;
        }
        if (i == segments.length) {
            return test.test(node.isContainer() ? node.toString() : node.asString(), record);
        }
        return node.isObject() && walk(node.get(segments[i]), i + 1, record, test);
    }

    @Override
    public String toString() {
        return text;
    }
}
