package jp.govcloudops.store;

/**
 * What one ingestion run (job instance) did, over all its partitions.
 *
 * @param objects       objects read by the run (including failed ones)
 * @param records       records in those objects
 * @param quarantined   records of those objects that went to the quarantine
 * @param failedObjects objects the run could not read
 * @param openGaps      data gaps open in the run's partitions afterwards
 */
public record IngestRunSummary(int partitions, long objects, long records, long quarantined, long failedObjects,
        long openGaps) {

    public boolean hasGapsOrQuarantine() {
        return quarantined > 0 || failedObjects > 0 || openGaps > 0;
    }
}
