package jp.govcloudops.job.cost;

import java.time.YearMonth;
import java.util.List;

import jp.govcloudops.config.CostProperties;
import jp.govcloudops.cost.CostLoad;
import jp.govcloudops.cost.MonthForecast;
import jp.govcloudops.job.JobProgress;
import jp.govcloudops.job.RunningStep;
import jp.govcloudops.cost.store.CostStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Stores each load in the chunk's transaction (one unit per chunk): the billing period is swapped whole. */
@Component
@StepScope
public class CostLoadWriter implements ItemWriter<CostLoad> {

    private static final Logger log = LoggerFactory.getLogger(CostLoadWriter.class);

    private final CostStore store;
    private final CostProperties properties;
    private final Long jobExecutionId;
    private final JobProgress progress;

    public CostLoadWriter(CostStore store, CostProperties properties,
            @Qualifier("costIngestProgress") JobProgress progress) {
        StepExecution stepExecution = RunningStep.execution();
        this.store = store;
        this.properties = properties;
        this.progress = progress;
        this.jobExecutionId = stepExecution.getJobExecutionId();
    }

    @Override
    public void write(Chunk<? extends CostLoad> chunk) {
        for (CostLoad load : chunk) {
            progress.written(load.unit().files().size(), load.lineItems());
            progress.partitionDone();
            if (load.isFailed()) {
                log.error("Cost unit {} not loaded: {}", load.unit().unit(), load.error());
                store.recordFailure(load.unit(), load.error(), jobExecutionId);
                continue;
            }
            List<MonthForecast.Window> windows = load.periods().stream()
                    .map(p -> MonthForecast.window(YearMonth.parse(p.billingPeriod()), p.lastUsageDay(),
                            load.unit().deliveredAt(), properties.closedAfter(), properties.forecastWindowDays()))
                    .toList();
            store.replace(load, windows, jobExecutionId);
            log.info("Loaded {}: {} line items ({} rejected) in {} rows", load.unit().unit(), load.lineItems(),
                    load.rejectedRows(), load.rows().size());
        }
    }
}
