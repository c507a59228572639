package jp.govcloudops.detect;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds a finding's evidence as JSON: the matched raw records, or the statistic and its baseline. */
public final class Evidence {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();

    public Evidence(String kind) {
        root.put("kind", kind);
    }

    public Evidence put(String name, Object value) {
        if (value == null) {
            root.putNull(name);
        } else if (value instanceof JsonNode node) {
            root.set(name, node);
        } else {
            root.set(name, JSON.valueToTree(value));
        }
        return this;
    }

    /** A raw record as written by AWS; a record kept cut (too long) is stored as text with a flag. */
    public Evidence addRecord(String raw) {
        ArrayNode records = root.has("records") ? (ArrayNode) root.get("records") : root.putArray("records");
        if (raw == null) {
            return this;
        }
        try {
            records.add(JSON.readTree(raw));
        } catch (JacksonException cut) {
            ObjectNode holder = records.addObject();
            holder.put("truncated", true);
            holder.put("raw", raw);
        }
        return this;
    }

    public static Map<String, Object> baseline(Stats stats, int historyDays) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", stats.points());
        m.put("history_days", historyDays);
        m.put("mean", round(stats.mean()));
        m.put("stddev", round(stats.stddev()));
        return m;
    }

    public static double round(double d) {
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return d;
        }
        return Math.round(d * 1000) / 1000.0;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
