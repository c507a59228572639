package jp.govcloudops.job.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.config.SecurityServicesProperties;
import jp.govcloudops.job.RunningStep;
import jp.govcloudops.source.AwsLogsLayout;
import jp.govcloudops.source.FirehoseLayout;
import jp.govcloudops.source.LogType;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.SourceRegistry;
import jp.govcloudops.store.IngestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Splits a run into partitions by walking each source's AWSLogs tree. Every partition of the range is recorded in
 * the store, and {@code finalizeIngest} judges its gaps; only those whose date folder exists get a worker step,
 * since the others have nothing to list (a run over a range that reaches past the newest folder would otherwise
 * spend a step, its job-repository rows and a listing on each). Only called on a first execution: a restart re-runs
 * the partitions recorded by the failed execution.
 */
@Component
@StepScope
public class IngestPartitioner implements Partitioner {

    private static final Logger log = LoggerFactory.getLogger(IngestPartitioner.class);

    private final SourceRegistry sources;
    private final IngestStore store;
    private final IngestParameters parameters;
    private final String securityHubPrefix;

    public IngestPartitioner(SourceRegistry sources, IngestStore store, SecurityServicesProperties securityServices) {
        this.sources = sources;
        this.store = store;
        this.securityHubPrefix = securityServices.securityHubPrefix();
        this.parameters = IngestParameters.of(RunningStep.execution().getJobParameters());
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int recorded = 0;
        for (String location : parameters.sources()) {
            ObjectSource source = sources.get(location);
            try {
                List<AwsLogsLayout.Discovered> found = new ArrayList<>(sources.layout(source).discover(
                        parameters.from(), parameters.to(), parameters.logTypes(), account -> parameters.accounts()
                                .isEmpty() || parameters.accounts().contains(account)));
                // Security Hub's Firehose folders name no account: read whatever accounts were asked for.
                if (parameters.logTypes().contains(LogType.SECURITYHUB) && !securityHubPrefix.isEmpty()) {
                    found.addAll(new FirehoseLayout(source, securityHubPrefix, LogType.SECURITYHUB)
                            .discover(parameters.from(), parameters.to()));
                }
                List<Long> ids = store.ensurePartitions(found.stream().map(AwsLogsLayout.Discovered::partition).toList());
                for (int i = 0; i < found.size(); i++) {
                    if (found.get(i).folderListed()) {
                        partitions.put("p" + ids.get(i), PartitionContext.of(ids.get(i), found.get(i).partition()));
                    }
                }
                recorded += found.size();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + source.location() + ": " + e.getMessage(), e);
            }
        }
        log.info("{} partitions from {} to {} in {}, {} of them with a date folder to read", recorded,
                parameters.from(), parameters.to(), parameters.sources(), partitions.size());
        return partitions;
    }
}
