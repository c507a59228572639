package jp.govcloudops.pipeline;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jp.govcloudops.config.CostProperties;
import jp.govcloudops.job.cost.CostIngestLauncher;
import jp.govcloudops.job.cost.CostIngestParameters;
import org.springframework.stereotype.Component;

/** The nightly cost ingest: reads every changed billing period of the configured exports (none configured: skipped). */
@Component
public class CostIngestStage implements Stage {

    static final Duration LOCK_WAIT = Duration.ofMinutes(15);

    private final CostIngestLauncher launcher;
    private final CostProperties properties;

    public CostIngestStage(CostIngestLauncher launcher, CostProperties properties) {
        this.launcher = launcher;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "cost-ingest";
    }

    @Override
    public int run(LocalDate day, PrintWriter out) throws Exception {
        if (properties.sources().isEmpty()) {
            return ExitCodes.OK;
        }
        CostIngestLauncher.Outcome outcome = launcher.run(new CostIngestParameters(properties.sources(), List.of(),
                false, 1), LOCK_WAIT);
        return CostIngestReport.print(outcome, out);
    }

    /** The exports hold whole billing periods: one ingest covers any range of days. */
    @Override
    public int runRange(LocalDate from, LocalDate to, PrintWriter out) throws Exception {
        return run(to, out);
    }
}
