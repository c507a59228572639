package jp.govcloudops.job.ingest;

import java.util.List;

import jp.govcloudops.job.RunningStep;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.PrefetchedObjects;
import jp.govcloudops.source.SourceObject;
import jp.govcloudops.source.SourceRegistry;
import jp.govcloudops.store.IngestStore;
import jp.govcloudops.store.PartitionWork;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The source of one partition's step, shared by its reader and processor: once the reader knows the pending objects,
 * they are downloaded ahead in that order ({@link SourceRegistry#ahead}) and the processor's reads take them from
 * there, so that requests stay in flight while the reading threads parse.
 */
@Component
@StepScope
public class PartitionObjects {

    private final SourceRegistry sources;
    private final ObjectSource source;
    private volatile PrefetchedObjects ahead;

    public PartitionObjects(SourceRegistry sources, IngestStore store) {
        StepExecution stepExecution = RunningStep.execution();
        PartitionWork work = PartitionContext.work(stepExecution, store);
        List<String> configured = IngestParameters.of(stepExecution.getJobExecution().getJobParameters()).sources();
        this.sources = sources;
        this.source = sources.byCanonicalLocation(work.partition().source(), configured);
    }

    /** The partition's source, as listed. */
    public ObjectSource source() {
        return source;
    }

    /** Starts fetching {@code pending} ahead, in this order. */
    public void fetchAhead(List<SourceObject> pending) {
        stop();
        ahead = sources.ahead(source, pending);
    }

    /** The source to read objects from: the one fetching ahead once the pending objects are known. */
    public ObjectSource reading() {
        PrefetchedObjects current = ahead;
        return current != null ? current : source;
    }

    /** Stops fetching ahead and gives back the memory of what was fetched and not read. */
    public void stop() {
        PrefetchedObjects current = ahead;
        if (current != null) {
            current.close();
        }
    }
}
