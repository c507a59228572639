package jp.govcloudops.archive.read;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jp.govcloudops.source.LogType;

/**
 * What to find: records of one log type whose time is in {@code [since, until)}, in partitions of the given accounts
 * and regions (all when empty), matching every condition.
 *
 * @param columns the columns to return (none for a count)
 * @param limit   the most rows returned; counting goes on
 */
public record SearchQuery(LogType logType, Instant since, Instant until, Set<String> accounts, Set<String> regions,
        List<Condition> conditions, List<String> columns, long limit) {

    /** The column holding a record's time, and whether it is in milliseconds (CloudTrail) or seconds (flows). */
    public String timeColumn() {
        return logType == LogType.CLOUDTRAIL ? "event_time" : "start";
    }

    public long timeUnitsPerSecond() {
        return logType == LogType.CLOUDTRAIL ? 1000 : 1;
    }
}
