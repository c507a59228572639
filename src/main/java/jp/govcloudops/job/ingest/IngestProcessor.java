package jp.govcloudops.job.ingest;

import java.util.List;

import jp.govcloudops.aggregate.AnalyzerFactory;
import jp.govcloudops.config.IngestProperties;
import jp.govcloudops.config.S3Properties;
import jp.govcloudops.ingest.IngestedObject;
import jp.govcloudops.ingest.ObjectIngestor;
import jp.govcloudops.ingest.PartitionWork;
import jp.govcloudops.source.SourceObject;
import jp.govcloudops.source.SourceRegistry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reads each pending object of the step's partition; one per partition step, as the parsers keep buffers. */
@Component
@StepScope
public class IngestProcessor implements ItemProcessor<SourceObject, IngestedObject> {

    private final PartitionWork work;
    private final ObjectIngestor ingestor;
    private final long pauseMillis;

    public IngestProcessor(SourceRegistry sources, List<AnalyzerFactory> analyzers, IngestProperties ingest,
            S3Properties s3, @Value("#{stepExecution}") StepExecution stepExecution) {
        this.work = PartitionContext.work(stepExecution);
        this.pauseMillis = ingest.objectPause().toMillis();
        List<String> configured = IngestParameters.of(stepExecution.getJobExecution().getJobParameters()).sources();
        this.ingestor = new ObjectIngestor(sources.byCanonicalLocation(work.partition().source(), configured),
                analyzers, ingest.maxQuarantineRowsPerObject(), s3.objectRetries());
    }

    @Override
    public IngestedObject process(SourceObject object) throws InterruptedException {
        if (pauseMillis > 0) {
            Thread.sleep(pauseMillis);
        }
        return ingestor.ingest(work, object);
    }
}
