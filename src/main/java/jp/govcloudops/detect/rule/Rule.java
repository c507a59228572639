package jp.govcloudops.detect.rule;

import jp.govcloudops.config.Severity;
import java.util.List;

/**
 * One detection rule as loaded from its file. {@code kind} is {@value #CLOUDTRAIL} for rules evaluated on every
 * CloudTrail record by their {@code predicate}; any other kind names a built-in analytic (flow statistics,
 * baselines, first-seen) whose file carries the texts and severity only.
 *
 * @param origin where the rule came from (file name), for messages
 */
public record Rule(String id, String kind, String titleJa, String titleEn, Severity severity, String descriptionJa,
        Predicate predicate, Dedup dedup, Threshold threshold, List<String> resourcePaths, String countermeasureJa,
        String source, String attribution, String origin) {

    public static final String CLOUDTRAIL = "cloudtrail";

    public Rule {
        resourcePaths = List.copyOf(resourcePaths);
    }

    public boolean isCloudTrail() {
        return CLOUDTRAIL.equals(kind);
    }
}
