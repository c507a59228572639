package jp.govcloudops.job.cost;

import jp.govcloudops.config.CostProperties;
import jp.govcloudops.config.S3Properties;
import jp.govcloudops.cost.CostLoad;
import jp.govcloudops.cost.CostUnit;
import jp.govcloudops.cost.CostUnitLoader;
import jp.govcloudops.source.SourceRegistry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.stereotype.Component;

/** Reads a unit's files into its aggregates; a unit that cannot be read becomes a failed load, not a failed step. */
@Component
@StepScope
public class CostUnitProcessor implements ItemProcessor<CostUnit, CostLoad> {

    private final SourceRegistry sources;
    private final CostUnitLoader loader;

    public CostUnitProcessor(SourceRegistry sources, CostProperties cost, S3Properties s3) {
        this.sources = sources;
        this.loader = new CostUnitLoader(cost.maxRejectedRows(), s3.objectRetries());
    }

    @Override
    public CostLoad process(CostUnit unit) {
        try {
            return loader.load(unit, sources.get(unit.location()));
        } catch (RuntimeException e) {
            return CostLoad.failed(unit, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
