package jp.govcloudops.detect.rule;

import java.time.Duration;
import java.util.List;

/**
 * Matches of one rule with equal {@code by} values whose (episode) start falls in the same window become one
 * finding. Windows are fixed buckets aligned to the store's calendar day, so re-deriving a day always yields the
 * same findings; a window of zero keeps every matched record its own finding.
 */
public record Dedup(Duration window, List<GroupKey> by) {

    public static final Dedup DEFAULT = new Dedup(Duration.ofHours(1), List.of(GroupKey.ACCOUNT, GroupKey.PRINCIPAL));

    public Dedup {
        by = List.copyOf(by);
    }
}
