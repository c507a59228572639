package jp.govcloudops.store;

import jp.govcloudops.source.LogPartition;

/**
 * A partition as one run works on it.
 *
 * @param partitionId the partition's row in the store
 * @param generation  the job instance doing the work: a --force run stages its rows under it, and a restarted run
 *                    knows which objects it already did
 * @param force       replace the partition's contribution from scratch instead of bringing it up to date
 */
public record PartitionWork(long partitionId, LogPartition partition, long generation, boolean force,
        long jobExecutionId) {
}
