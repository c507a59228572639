package jp.govcloudops.integrity;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.govcloudops.integrity.check.HourResult;
import jp.govcloudops.integrity.check.Problem;
import jp.govcloudops.source.AwsLogsLayout;
import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.store.DataGapStore;
import jp.govcloudops.store.IngestStore;
import org.springframework.stereotype.Component;

/** The data gaps the check finds: missing digests and unavailable public keys, opened and closed per stream. */
@Component
class IntegrityGaps {

    private final DataGapStore gaps;
    private final IngestStore partitions;

    IntegrityGaps(DataGapStore gaps, IngestStore partitions) {
        this.gaps = gaps;
        this.partitions = partitions;
    }

    /**
     * A missing digest opens a gap on the stream's CloudTrail partition of the hour's date (keyed by the hour), an
     * unavailable key on the digest's (keyed by the digest); gaps of the checked dates not found again are closed.
     */
    void record(ObjectSource source, String accountId, String region, List<AwsLogsLayout.Discovered> logDays,
            List<HourResult> results, LocalDate from, LocalDate to) {
        Map<LocalDate, String> folders = new HashMap<>();
        logDays.forEach(d -> folders.put(d.partition().folderDate(), d.partition().folderPrefix()));
        Set<String> open = new HashSet<>();
        for (HourResult result : results) {
            for (Problem p : result.problems()) {
                String kind = switch (p.status()) {
                    case DIGEST_MISSING -> DataGapStore.DIGEST_MISSING;
                    case PUBLIC_KEY_NOT_AVAILABLE -> DataGapStore.PUBLIC_KEY_MISSING;
                    default -> null;
                };
                if (kind == null) {
                    continue;
                }
                LocalDate date = result.hour().atZone(ZoneOffset.UTC).toLocalDate();
                String folder = folders.getOrDefault(date, "");
                long partition = partitions.ensurePartitions(List.of(new LogPartition(LogType.CLOUDTRAIL,
                        accountId, region, date, source.location(), folder))).get(0);
                String key = kind.equals(DataGapStore.DIGEST_MISSING) ? result.hour().toString() : p.objectKey();
                gaps.record(partition, kind, key, (kind.equals(DataGapStore.DIGEST_MISSING)
                        ? "no CloudTrail digest for the hour " + result.hour() + ": " : "public key not available for ")
                        + p.objectKey() + " (" + p.detail() + ")");
                open.add(key);
            }
        }
        gaps.resolveOthers(LogType.CLOUDTRAIL.id(), accountId, region, source.location(),
                from, to, List.of(DataGapStore.DIGEST_MISSING, DataGapStore.PUBLIC_KEY_MISSING), open);
    }

}
