package jp.govcloudops.integrity.check;

import java.time.Instant;
import java.util.List;

/**
 * The result for one UTC hour of one stream: its most serious status, its digest (the first, when backfill
 * digests add to it), how many log files its digests list and how many of those were found unchanged.
 */
public record HourResult(String accountId, String region, Instant hour, IntegrityStatus status, String digestKey,
        int logFiles, int validFiles, List<Problem> problems) {

    public HourResult {
        problems = List.copyOf(problems);
    }
}
