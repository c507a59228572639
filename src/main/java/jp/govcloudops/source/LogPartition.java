package jp.govcloudops.source;

import java.time.LocalDate;

/**
 * The unit of ingestion: one log type, account and region on one folder date (the UTC date in the keys), at one
 * source location. {@code folderPrefix} is where its objects live, at any depth (per-hour sub-folders included).
 */
public record LogPartition(LogType logType, String accountId, String region, LocalDate folderDate, String source,
        String folderPrefix) {

    public String name() {
        return logType.id() + ":" + accountId + ":" + region + ":" + folderDate;
    }
}
