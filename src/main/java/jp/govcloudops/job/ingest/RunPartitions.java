package jp.govcloudops.job.ingest;

import java.util.List;

import jp.govcloudops.source.LogType;
import jp.govcloudops.source.SourceRegistry;
import jp.govcloudops.store.IngestStore;
import org.springframework.stereotype.Component;

/** The stored partitions an ingestion run covers: its folder dates, log types, accounts and sources. */
@Component
public class RunPartitions {

    private final IngestStore store;
    private final SourceRegistry sources;

    public RunPartitions(IngestStore store, SourceRegistry sources) {
        this.store = store;
        this.sources = sources;
    }

    public List<Long> of(IngestParameters parameters) {
        List<String> canonical = parameters.sources().stream().map(s -> sources.get(s).location()).toList();
        return store.partitions(parameters.from(), parameters.to(),
                parameters.logTypes().stream().map(LogType::id).toList(), parameters.accounts(), canonical);
    }
}
