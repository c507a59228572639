package jp.govcloudops.pipeline;

import java.io.PrintWriter;
import java.time.Duration;

import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.store.IngestRunSummary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

/** Runs ingestion and prints what it did; the first part of the nightly run, and all of reprocess. */
@Component
public class IngestRun {

    private final IngestLauncher launcher;

    public IngestRun(IngestLauncher launcher) {
        this.launcher = launcher;
    }

    public int run(IngestParameters parameters, Duration lockWait, PrintWriter out) throws Exception {
        return ingest(parameters, lockWait, out).exit();
    }

    /** The exit code of an ingestion and what it read. */
    public record Result(int exit, IngestRunSummary summary) {
    }

    public Result ingest(IngestParameters parameters, Duration lockWait, PrintWriter out) throws Exception {
        IngestLauncher.Outcome outcome = launcher.run(parameters, lockWait);
        IngestRunSummary s = outcome.summary();
        BatchStatus status = outcome.execution().getStatus();
        out.printf("ingest %s..%s%s: %d partitions, %d objects read (%d unreadable), %d records, %d quarantined,"
                + " %d data gaps open%n", parameters.from(), parameters.to(), parameters.force() ? " (force)" : "",
                s.partitions(), s.objects(), s.failedObjects(), s.records(), s.quarantined(), s.openGaps());
        if (status != BatchStatus.COMPLETED) {
            out.printf("ingest FAILED (job execution %d): %s%n", outcome.execution().getId(),
                    outcome.execution().getExitStatus().getExitDescription().lines().findFirst().orElse(""));
            out.println("Run the same command again to resume where it stopped.");
            return new Result(ExitCodes.FAILURE, s);
        }
        if (s.hasGapsOrQuarantine()) {
            out.println("Completed with gaps or quarantined input: see `govcloud-ops status` and the quarantine table.");
            return new Result(ExitCodes.COMPLETED_WITH_GAPS, s);
        }
        return new Result(ExitCodes.OK, s);
    }
}
