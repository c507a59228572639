package jp.govcloudops.detect.rule;

import java.util.Set;

/** A compiled rule predicate over one CloudTrail record (see docs/detections.md for the language). */
public interface Predicate {

    boolean test(RecordContext record);

    /**
     * Event names outside which this predicate can never hold, or null when it may hold for any event: lets the
     * matcher try only the rules that can match a record's eventName.
     */
    default Set<String> requiredEventNames() {
        return null;
    }
}
