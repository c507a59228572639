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
}
