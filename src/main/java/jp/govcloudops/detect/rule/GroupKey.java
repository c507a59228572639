package jp.govcloudops.detect.rule;

import java.util.Arrays;

/** What a rule's matches are grouped by for deduplication and thresholds (the {@code by:} lists). */
public enum GroupKey {
    ACCOUNT("account"), REGION("region"), PRINCIPAL("principal"), SOURCE_IP("source_ip"), RESOURCE("resource"),
    EVENT_NAME("event_name"), EVENT_SOURCE("event_source");

    private final String id;

    GroupKey(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static GroupKey parse(String text) {
        return Arrays.stream(values()).filter(k -> k.id.equals(text.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown group key '" + text + "' (expected one of "
                        + String.join(", ", Arrays.stream(values()).map(GroupKey::id).toList()) + ")"));
    }
}
