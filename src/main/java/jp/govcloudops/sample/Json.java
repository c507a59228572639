package jp.govcloudops.sample;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers to write JSON fragments in the order AWS writes them. */
final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a",
            Locale.US).withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** An object from name/value pairs; values may be strings, numbers, booleans, nodes or null. */
    static ObjectNode obj(Object... pairs) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            String name = (String) pairs[i];
            Object value = pairs[i + 1];
            if (value == null) {
                node.putNull(name);
            } else if (value instanceof String s) {
                node.put(name, s);
            } else if (value instanceof Integer n) {
                node.put(name, n);
            } else if (value instanceof Long n) {
                node.put(name, n);
            } else if (value instanceof Double d) {
                node.put(name, d);
            } else if (value instanceof Boolean b) {
                node.put(name, b);
            } else if (value instanceof JsonNode j) {
                node.set(name, j);
            } else {
                throw new IllegalArgumentException("unsupported JSON value " + value.getClass());
            }
        }
        return node;
    }

    static ArrayNode arr(Object... values) {
        ArrayNode node = NODES.arrayNode();
        for (Object value : values) {
            if (value instanceof String s) {
                node.add(s);
            } else if (value instanceof JsonNode j) {
                node.add(j);
            } else if (value instanceof Integer n) {
                node.add(n);
            } else {
                throw new IllegalArgumentException("unsupported JSON value " + value.getClass());
            }
        }
        return node;
    }

    /** EC2's XML-derived list shape: {"items":[...]}. */
    static ObjectNode items(Object... values) {
        return obj("items", arr(values));
    }

    static ObjectNode empty() {
        return NODES.objectNode();
    }

    static String iso(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    /** The credential expiration format STS responses carry in CloudTrail. */
    static String expiration(long epochSecond) {
        return EXPIRATION.format(Instant.ofEpochSecond(epochSecond));
    }
}
