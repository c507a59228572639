package jp.govcloudops.job.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jp.govcloudops.cost.CostUnit;
import jp.govcloudops.job.JobProgress;
import jp.govcloudops.job.RunningStep;
import jp.govcloudops.source.DataExportLayout;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.SourceObject;
import jp.govcloudops.source.SourceRegistry;
import jp.govcloudops.cost.store.CostStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The units of a run: every billing period of every export location whose files changed since its stored load
 * (compared by fingerprint on every open, so a restarted step resumes with what is still to do), then each named
 * file. A location that cannot be listed is recorded as a failure and the others go on.
 */
@Component
@StepScope
public class CostUnitReader implements ItemStreamReader<CostUnit> {

    private static final Logger log = LoggerFactory.getLogger(CostUnitReader.class);

    private final SourceRegistry sources;
    private final CostStore store;
    private final CostIngestParameters parameters;
    private final Long jobExecutionId;
    private final Deque<CostUnit> pending = new ArrayDeque<>();
    private final JobProgress progress;

    public CostUnitReader(SourceRegistry sources, CostStore store,
            @Qualifier("costIngestProgress") JobProgress progress) {
        StepExecution stepExecution = RunningStep.execution();
        this.sources = sources;
        this.store = store;
        this.progress = progress;
        this.parameters = CostIngestParameters.of(stepExecution.getJobExecution().getJobParameters());
        this.jobExecutionId = stepExecution.getJobExecutionId();
    }

    @Override
    public void open(ExecutionContext context) {
        pending.clear();
        int found = 0;
        int unchanged = 0;
        int empty = 0;
        for (String location : parameters.sources()) {
            List<DataExportLayout.ExportPeriod> periods;
            ObjectSource source;
            try {
                source = sources.get(location);
                periods = new DataExportLayout(source).periods();
            } catch (IOException | RuntimeException e) {
                log.error("Cannot list cost exports at {}: {}", location, e.toString());
                CostUnit unit = new CostUnit(location, location, location, null, List.of(), 0, "", Instant.EPOCH);
                store.recordFailure(unit, "cannot list " + location + ": " + e.getMessage(), jobExecutionId);
                continue;
            }
            if (periods.isEmpty()) {
                log.warn("No billing period folders (<export>/data/BILLING_PERIOD=YYYY-MM/) found at {}", location);
            }
            for (DataExportLayout.ExportPeriod period : periods) {
                found++;
                if (period.files().isEmpty()) {
                    empty++;
                    continue;
                }
                if (!parameters.force() && period.fingerprint().equals(store.fingerprint(period.unitUri()))) {
                    unchanged++;
                    continue;
                }
                pending.add(new CostUnit(period.unitUri(), period.exportUri(), location, period.billingPeriod(),
                        period.files(), period.ignoredFiles(), period.fingerprint(), period.deliveredAt()));
            }
        }
        for (String file : parameters.files()) {
            found++;
            pending.add(singleFile(Path.of(file)));
        }
        progress.partitions(pending.size());
        pending.forEach(unit -> progress.listed(unit.files().size()));
        context.putInt("found", found);
        context.putInt("unchanged", unchanged);
        context.putInt("empty", empty);
    }

    private static CostUnit singleFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path directory = absolute.getParent();
        String name = absolute.getFileName().toString();
        try {
            BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
            Instant modified = attributes.lastModifiedTime().toInstant();
            SourceObject object = new SourceObject(name, "local-" + attributes.size() + "-" + modified.toEpochMilli(),
                    attributes.size(), modified);
            return new CostUnit(absolute.toUri().toString(), absolute.toUri().toString(), directory.toString(), null,
                    List.of(object), 0, DataExportLayout.fingerprint(List.of(object)), modified);
        } catch (IOException e) {
            SourceObject missing = new SourceObject(name, "missing", 0, Instant.EPOCH);
            return new CostUnit(absolute.toUri().toString(), absolute.toUri().toString(), directory.toString(), null,
                    List.of(missing), 0, "missing", Instant.EPOCH);
        }
    }

    @Override
    public CostUnit read() {
        return pending.poll();
    }
}
