package jp.govcloudops.detect.rule;

import jp.govcloudops.format.cloudtrail.CloudTrailEvent;
import tools.jackson.databind.JsonNode;

/**
 * The record a predicate looks at, and the element an {@code any_item} node has stepped into. Reused from record
 * to record: the record's JSON tree is only built when a predicate asks for a field the parser does not keep.
 */
public final class RecordContext {

    private CloudTrailEvent event;
    private JsonNode root;
    private boolean rootParsed;
    JsonNode scope;

    public RecordContext reset(CloudTrailEvent event) {
        this.event = event;
        this.root = null;
        this.rootParsed = false;
        this.scope = null;
        return this;
    }

    public CloudTrailEvent event() {
        return event;
    }

    /** The record as a tree, or null when its raw text was not captured. */
    public JsonNode root() {
        if (!rootParsed) {
            root = event.tree();
            rootParsed = true;
        }
        return root;
    }

    boolean atRoot() {
        return scope == null;
    }
}
