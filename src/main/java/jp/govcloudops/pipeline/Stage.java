package jp.govcloudops.pipeline;

import java.io.PrintWriter;
import java.time.LocalDate;

/**
 * A step of a run after ingestion (detections, cost, notifications). {@link Pipelines} lists which stages a run
 * has and in which order; a stage's failure is reported and the others still run.
 */
public interface Stage {

    String name();

    /** Runs the stage for the Japan date {@code day}; returns an exit code and writes its summary to {@code out}. */
    int run(LocalDate day, PrintWriter out) throws Exception;

    /**
     * Runs the stage for every Japan date of a range (catching up, or the demo's whole month). Stages that can
     * do a range at once override this.
     */
    default int runRange(LocalDate from, LocalDate to, PrintWriter out) throws Exception {
        int exit = ExitCodes.OK;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            exit = ExitCodes.worst(exit, run(day, out));
        }
        return exit;
    }
}
