package jp.govcloudops.detect.rule;

import java.time.Duration;
import java.util.List;

/** At least {@code count} matches with equal {@code by} values within any {@code window}. */
public record Threshold(int count, Duration window, List<GroupKey> by) {

    public Threshold {
        by = List.copyOf(by);
    }
}
