package jp.govcloudops.job.ingest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.govcloudops.job.JobProgress;
import jp.govcloudops.job.RunningStep;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.SourceObject;
import jp.govcloudops.store.IngestStore;
import jp.govcloudops.store.ManifestRow;
import jp.govcloudops.store.PartitionWork;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The objects of one partition that still need reading: the whole folder is listed and compared with the manifest
 * (never a "last key" marker, which loses late or out-of-order objects). Normally an object is pending unless the
 * manifest has it active with the same ETag; in a --force run, unless this run already stored it. Because the
 * comparison is made afresh on every open, a restarted step resumes after its last committed object. The pending
 * objects are fetched ahead in the order they are read ({@link PartitionObjects}).
 */
@Component
@StepScope
public class PendingObjectReader implements ItemStreamReader<SourceObject> {

    private final PartitionObjects objects;
    private final IngestStore store;
    private final PartitionWork work;
    private final Deque<SourceObject> pending = new ArrayDeque<>();
    private final JobProgress progress;

    public PendingObjectReader(PartitionObjects objects, IngestStore store,
            @Qualifier("ingestProgress") JobProgress progress) {
        this.objects = objects;
        this.store = store;
        this.progress = progress;
        this.work = PartitionContext.work(RunningStep.execution(), store);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        ObjectSource source = objects.source();
        List<SourceObject> listed;
        try {
            listed = source.listObjects(work.partition().folderPrefix());
        } catch (IOException e) {
            throw new ItemStreamException("cannot list " + source.location() + work.partition().folderPrefix(), e);
        }
        Set<String> done = new HashSet<>();
        for (ManifestRow row : store.manifest(work.partitionId())) {
            if (work.force()) {
                if (row.generation() == work.generation() && !row.state().equals(ManifestRow.FAILED)) {
                    done.add(row.objectKey() + "\n" + row.etag());
                }
            } else if (row.state().equals(ManifestRow.ACTIVE)) {
                done.add(row.objectKey() + "\n" + row.etag());
            }
        }
        pending.clear();
        for (SourceObject object : listed) {
            if (!done.contains(object.key() + "\n" + object.etag())) {
                pending.add(object);
            }
        }
        objects.fetchAhead(List.copyOf(pending));
        executionContext.putLong("listed", listed.size());
        executionContext.putLong("pendingAtOpen", pending.size());
        progress.listed(pending.size());
    }

    @Override
    public SourceObject read() {
        return pending.poll();
    }

    @Override
    public void close() {
        objects.stop();
    }
}
