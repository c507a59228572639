package jp.govcloudops.archive.write;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jp.govcloudops.aggregate.AnalyzerFactory;
import jp.govcloudops.aggregate.ObjectAnalyzer;
import jp.govcloudops.archive.ArchiveLayout;
import jp.govcloudops.archive.ArchiveLocation;
import jp.govcloudops.archive.ArchiveStore;
import jp.govcloudops.config.ArchiveProperties;
import jp.govcloudops.config.FileModes;
import jp.govcloudops.format.cloudtrail.CloudTrailEvent;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.source.LogPartition;
import org.springframework.stereotype.Component;

/**
 * Archives every accepted CloudTrail and flow-log record: each object read gets a {@link SegmentWriter}. Insights
 * events are not archived (they are summaries CloudTrail computes, kept in the store).
 */
@Component
public class ArchiveAnalyzers implements AnalyzerFactory {

    private final boolean enabled;
    private final ArchiveLocation location;
    private final ArchiveStore store;
    private final FileModes modes;
    private volatile ArchiveLayout layout;

    public ArchiveAnalyzers(ArchiveProperties properties, ArchiveLocation location, ArchiveStore store,
            FileModes modes) {
        this.modes = modes;
        this.enabled = properties.enabled();
        this.location = location;
        this.store = store;
    }

    @Override
    public List<ObjectAnalyzer<CloudTrailEvent>> cloudTrail(LogPartition partition) {
        if (!enabled) {
            return List.of();
        }
        return List.of(segment(partition, new CloudTrailWriteSupport(), CloudTrailEvent::eventEpochSecond));
    }

    @Override
    public List<ObjectAnalyzer<FlowRecord>> flow(LogPartition partition) {
        if (!enabled) {
            return List.of();
        }
        // A NODATA or SKIPDATA record may have no start: it is archived at its object's day.
        long fallback = partition.folderDate().toEpochDay() * 86_400;
        return List.of(segment(partition, new FlowWriteSupport(), r -> r.start() >= 0 ? r.start() : fallback));
    }

    private <T> SegmentWriter<T> segment(LogPartition partition, RecordWriteSupport<T> support,
            SegmentWriter.Times<T> times) {
        ArchiveLayout archive = layout();
        long segment = ThreadLocalRandom.current().nextLong();
        String relative = archive.stagedFile(partition, segment);
        Path file = archive.resolve(relative);
        return new SegmentWriter<>(file, relative, segment, support, times, modes);
    }

    private ArchiveLayout layout() {
        ArchiveLayout current = layout;
        if (current == null) {
            synchronized (this) {
                if (layout == null) {
                    layout = new ArchiveLayout(store.locationForWriting(location.configured()));
                }
                current = layout;
            }
        }
        return current;
    }
}
