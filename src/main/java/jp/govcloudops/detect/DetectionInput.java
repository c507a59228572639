package jp.govcloudops.detect;

import jp.govcloudops.config.DetectionProperties;

/**
 * A table of detection input that ingestion writes with each object (rows owned by the object, so reprocessing
 * replaces them with the object's other rows) and a detector reads. Every bean of this type is pruned by
 * {@link DetectionService#prune}: rows whose {@code event_hour} is older than {@link #retentionDays} go.
 */
public interface DetectionInput {

    /** The table, with the columns {@code object_id} and {@code event_hour}. */
    String table();

    int retentionDays(DetectionProperties properties);
}
