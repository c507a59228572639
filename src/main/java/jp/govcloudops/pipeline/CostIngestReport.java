package jp.govcloudops.pipeline;

import java.io.PrintWriter;

import jp.govcloudops.cost.store.CostStore;
import jp.govcloudops.job.cost.CostIngestLauncher;

/** Prints what a cost ingest did and turns it into an exit code. */
public final class CostIngestReport {

    private CostIngestReport() {
    }

    public static int print(CostIngestLauncher.Outcome outcome, PrintWriter out) {
        out.printf("cost-ingest: %d units found, %d unchanged, %d loaded, %d failed%n", outcome.found(),
                outcome.unchanged(), outcome.loaded().size(), outcome.failures().size());
        for (CostStore.LoadSummary load : outcome.loaded()) {
            out.printf("  loaded %s [%s]: %d files, %d line items%s, billed %s%n", load.unit(), load.schemas(),
                    load.files(), load.lineItems(), load.rejectedRows() > 0 ? " (" + load.rejectedRows()
                            + " rejected: see table cost_rejected)" : "", load.billedCost().stripTrailingZeros()
                                    .toPlainString());
        }
        for (CostStore.Failure failure : outcome.failures()) {
            out.printf("  FAILED %s: %s (its previous data, if any, stays)%n", failure.unit(), failure.message());
        }
        if (!outcome.completed()) {
            out.printf("cost-ingest FAILED (job execution %d): %s%n", outcome.execution().getId(),
                    outcome.execution().getExitStatus().getExitDescription().lines().findFirst().orElse(""));
            return ExitCodes.FAILURE;
        }
        return outcome.failures().isEmpty() && outcome.rejectedRows() == 0 ? ExitCodes.OK
                : ExitCodes.COMPLETED_WITH_GAPS;
    }
}
