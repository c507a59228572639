package jp.govcloudops.cli;

import java.time.LocalDate;

import org.springframework.core.Ordered;

/**
 * A step of the nightly run after ingestion (detections, cost, notifications). Every bean of this type runs, in
 * {@link #getOrder()} order, after the logs of the night are in; a stage's failure is reported and the others
 * still run.
 */
public interface NightlyStage extends Ordered {

    String name();

    /** Runs the stage for the Japan date {@code day}; returns an exit code and writes its summary to {@code out}. */
    int run(LocalDate day, java.io.PrintWriter out) throws Exception;

    /**
     * Runs the stage for every Japan date of a range (catching up, or the demo's whole month). Stages that can
     * do a range at once override this.
     */
    default int runRange(LocalDate from, LocalDate to, java.io.PrintWriter out) throws Exception {
        int exit = ExitCodes.OK;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            exit = NightlyCommand.worst(exit, run(day, out));
        }
        return exit;
    }
}
