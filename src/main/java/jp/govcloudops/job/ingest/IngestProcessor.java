package jp.govcloudops.job.ingest;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jp.govcloudops.aggregate.AnalyzerFactory;
import jp.govcloudops.config.IngestProperties;
import jp.govcloudops.config.S3Properties;
import jp.govcloudops.ingest.ObjectIngestor;
import jp.govcloudops.job.RunningStep;
import jp.govcloudops.source.SourceObject;
import jp.govcloudops.store.IngestStore;
import jp.govcloudops.store.IngestedObject;
import jp.govcloudops.store.PartitionWork;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.stereotype.Component;

/**
 * Reads each pending object of the step's partition, as fetched ahead ({@link PartitionObjects}). The objects of a
 * chunk are parsed in parallel, and an {@link ObjectIngestor} keeps parser buffers, so each reading thread borrows its
 * own from a small pool.
 */
@Component
@StepScope
public class IngestProcessor implements ItemProcessor<SourceObject, IngestedObject> {

    private final PartitionWork work;
    private final PartitionObjects objects;
    private final List<AnalyzerFactory> analyzers;
    private final IngestProperties ingest;
    private final int objectRetries;
    private final Queue<ObjectIngestor> idle = new ConcurrentLinkedQueue<>();
    private final long pauseMillis;

    public IngestProcessor(PartitionObjects objects, List<AnalyzerFactory> analyzers, IngestProperties ingest,
            S3Properties s3, IngestStore store) {
        this.work = PartitionContext.work(RunningStep.execution(), store);
        this.pauseMillis = ingest.objectPause().toMillis();
        this.objects = objects;
        this.analyzers = analyzers;
        this.ingest = ingest;
        this.objectRetries = s3.objectRetries();
    }

    @Override
    public IngestedObject process(SourceObject object) throws InterruptedException {
        if (pauseMillis > 0) {
            Thread.sleep(pauseMillis);
        }
        ObjectIngestor ingestor = idle.poll();
        if (ingestor == null) {
            // Made here, not up front: the reader has opened by now, so the source hands over objects fetched ahead.
            ingestor = new ObjectIngestor(objects.reading(), analyzers, ingest, objectRetries);
        }
        try {
            return ingestor.ingest(work, object);
        } finally {
            idle.offer(ingestor);
        }
    }
}
