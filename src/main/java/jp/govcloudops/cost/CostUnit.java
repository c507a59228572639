package jp.govcloudops.cost;

import java.time.Instant;
import java.util.List;

import jp.govcloudops.source.SourceObject;

/**
 * What one load reads and replaces: the latest delivery of an export's billing period, or one file given on the
 * command line.
 *
 * @param unit            the unit's name in the store ({@code s3://.../data/BILLING_PERIOD=2026-11/} or
 *                        {@code file:///.../file.parquet})
 * @param exportUri       the export (or the file) the unit belongs to
 * @param location        the source location to read the files from, as configured
 * @param folderPeriod    the billing period of the export folder ('YYYY-MM'), or null for a single file
 * @param files           the files, as listed
 * @param ignoredFiles    files of the folder not read (older deliveries, manifests)
 * @param fingerprint     the files' digest; an unchanged unit is not read again
 * @param deliveredAt     the newest file's modification time
 */
public record CostUnit(String unit, String exportUri, String location, String folderPeriod, List<SourceObject> files,
        int ignoredFiles, String fingerprint, Instant deliveredAt) {
}
