package jp.govcloudops.config;

import java.time.Period;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The Parquet archive of every record (docs/configuration.md, "Archive").
 *
 * @param enabled          write the archive during ingestion
 * @param location         a directory; unset, {@code archive/} beside an H2 file store, else {@code ./data/archive}
 * @param retention        how long a day's files are kept before {@code archive prune} deletes them (ISO period)
 * @param rowGroupSize     Parquet row group size of the compacted files
 * @param compressionLevel zstd level of the compacted files (1 fastest)
 */
@Validated
@ConfigurationProperties("govcloud.archive")
public record ArchiveProperties(
        @DefaultValue("true") boolean enabled,
        String location,
        @DefaultValue("P13M") Period retention,
        @DefaultValue("64MB") DataSize rowGroupSize,
        @Min(1) @Max(19) @DefaultValue("3") int compressionLevel) {

    @AssertTrue(message = "govcloud.archive.retention must be a positive period of at least one day (P13M, P400D)")
    public boolean isRetentionValid() {
        return !retention.isNegative() && !retention.isZero();
    }

    @AssertTrue(message = "govcloud.archive.row-group-size must be between 1MB and 1GB")
    public boolean isRowGroupSizeValid() {
        return rowGroupSize.toBytes() >= DataSize.ofMegabytes(1).toBytes()
                && rowGroupSize.toBytes() <= DataSize.ofGigabytes(1).toBytes();
    }
}
