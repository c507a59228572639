package jp.govcloudops.format.finding;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Small reads of finding trees that tolerate missing and oddly typed values. */
public final class Json {

    private static final int RAW_CHARS = 50_000;
    private static final int EXCERPT_CHARS = 300;

    private Json() {
    }

    /** A scalar's text, or null for a missing, null or container value. */
    public static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainer() ? null : node.asString();
    }

    /** A number, also from a numeric string; -1 when there is none. */
    public static double number(JsonNode node) {
        if (node == null) {
            return -1;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        String text = text(node);
        try {
            return text == null ? -1 : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The node at a slash-separated path (array indexes as numbers), or a missing node. */
    public static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("/")) {
            current = current.isArray() && part.chars().allMatch(Character::isDigit)
                    ? current.path(Integer.parseInt(part)) : current.path(part);
        }
        return current;
    }

    /** The first scalar value of a field named {@code name} anywhere below {@code node}, depth first. */
    public static String first(JsonNode node, String name) {
        if (node == null || !node.isContainer()) {
            return null;
        }
        String here = text(node.get(name));
        if (here != null) {
            return here;
        }
        for (JsonNode child : node.isObject() ? node.values() : node) {
            String found = first(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The first text of {@code names} that an object has. */
    public static String firstOf(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The node's JSON; a longer one becomes a JSON string of its beginning, so that the text stays JSON. */
    public static String raw(JsonNode node) {
        String text = node.toString();
        return text.length() > RAW_CHARS ? JsonNodeFactory.instance.stringNode(text.substring(0, RAW_CHARS / 4))
                .toString() : text;
    }

    public static String excerpt(JsonNode node) {
        String text = node.toString();
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
    }
}
