package jp.govcloudops.job.ingest;

import jp.govcloudops.store.IngestStore;
import jp.govcloudops.store.IngestedObject;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.stereotype.Component;

/** Stores a chunk of read objects in the chunk's transaction. */
@Component
public class IngestWriter implements ItemWriter<IngestedObject> {

    private final IngestStore store;

    public IngestWriter(IngestStore store) {
        this.store = store;
    }

    @Override
    public void write(Chunk<? extends IngestedObject> chunk) {
        store.write(chunk.getItems());
    }
}
