package jp.govcloudops.store;

import java.util.List;

import jp.govcloudops.source.SourceObject;

/**
 * The outcome of reading one object: its counts, quarantine and contributions, or why it could not be read.
 * {@code records} counts every record of the file, accepted or quarantined.
 */
public record IngestedObject(PartitionWork work, SourceObject object, String error, long records,
        long quarantinedRecords, List<QuarantineEntry> quarantine, List<ObjectContribution> contributions) {

    public static IngestedObject failed(PartitionWork work, SourceObject object, String error) {
        return new IngestedObject(work, object, error, 0, 0, List.of(), List.of());
    }

    public boolean isFailed() {
        return error != null;
    }
}
