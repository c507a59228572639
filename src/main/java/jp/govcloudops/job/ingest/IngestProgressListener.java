package jp.govcloudops.job.ingest;

import jp.govcloudops.job.JobProgress;
import jp.govcloudops.store.IngestedObject;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Counts an ingestObjects step's stored objects and records per chunk, and the partition when it completes. */
@Component
public class IngestProgressListener implements StepExecutionListener, ItemWriteListener<IngestedObject> {

    private final JobProgress progress;

    public IngestProgressListener(@Qualifier("ingestProgress") JobProgress progress) {
        this.progress = progress;
    }

    @Override
    public void afterWrite(Chunk<? extends IngestedObject> chunk) {
        long records = 0;
        for (IngestedObject object : chunk) {
            records += object.records();
        }
        progress.written(chunk.size(), records);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            progress.partitionDone();
        }
        return null;
    }
}
