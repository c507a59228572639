package jp.govcloudops.pipeline;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jp.govcloudops.calendar.ServiceHours;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.IngestProperties;
import jp.govcloudops.job.RunLock;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogType;
import org.springframework.stereotype.Component;

/**
 * The runs, each a list of stages in the order they run: what a night does is read here and nowhere else.
 *
 * <p>Not a Spring Batch job: ingestion and the cost ingest are jobs of their own (restartable per partition and
 * per billing period), the other stages are one call each, and a stage that fails must not stop the ones after
 * it; a job around them would add a second restart state without adding a step worth restarting.
 */
@Component
public class Pipelines {

    private final List<Stage> nightly;
    private final List<IntradayStep> intraday;
    private final IngestRun ingest;
    private final RunLock runLock;
    private final GovcloudProperties settings;
    private final IngestProperties ingestSettings;

    public Pipelines(TrailIntegrityStage trailIntegrity, DetectionStage detection, CostIngestStage costIngest,
            CostCheckStage costCheck, MailStage mail, IntradayAlertStage intradayAlerts, IngestRun ingest,
            RunLock runLock, GovcloudProperties settings, IngestProperties ingestSettings) {
        this.nightly = List.of(
                trailIntegrity, // before detection, whose notifications then include the integrity findings
                detection,      // findings of the recent days and of every day the night's objects touched
                costIngest,     // the changed billing periods of the cost exports
                costCheck,      // thresholds against what the cost ingest loaded
                mail);          // last: sends what the stages before it queued
        // The intraday run: after ingesting today's and yesterday's new objects, only what cannot wait.
        this.intraday = List.of(
                new IntradayStep(intradayAlerts.name(), intradayAlerts::run), // per-record findings, immediate mails
                new IntradayStep(mail.name(), (at, out) -> mail.run(LocalDate.ofInstant(at, ServiceHours.JAPAN), out)));
        this.ingest = ingest;
        this.runLock = runLock;
        this.settings = settings;
        this.ingestSettings = ingestSettings;
    }

    /** A stage of the intraday run, which works at an instant rather than for a day. */
    public record IntradayStep(String name, Step step) {
        @FunctionalInterface
        public interface Step {
            int run(Instant at, PrintWriter out) throws Exception;
        }
    }

    /** The intraday run's stages, in order; they run after its ingestion, when it read anything new. */
    public List<IntradayStep> intraday() {
        return intraday;
    }

    /**
     * The intraday run at {@code at}: ingests the new objects of the UTC folder dates of {@code at} and the day
     * before, every log type, through the same manifest as the night (which then finds nothing of them to count
     * again), and, when anything new was read, runs the intraday stages. Never beside another ingest run: it takes
     * the same lock.
     */
    public int runIntraday(Instant at, Duration lockWait, PrintWriter out, Function<Throwable, String> failure) {
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        IngestParameters parameters = new IngestParameters(today.minusDays(1), today, EnumSet.allOf(LogType.class),
                Set.of(), false, settings.sources(), 1);
        int exit;
        try (RunLock.Held lock = runLock.acquire("ingest", lockWait)) {
            long objects;
            try {
                IngestRun.Result result = ingest.ingest(parameters, lockWait, out);
                exit = result.exit();
                objects = result.summary().objects();
            } catch (Exception e) {
                out.println("ingest FAILED: " + failure.apply(e));
                exit = ExitCodes.FAILURE;
                objects = 0;
            }
            for (IntradayStep stage : intraday) {
                if (objects == 0 && stage.name().equals("intraday-detection")) {
                    out.println("intraday-detection: nothing new since the last run");
                    continue;
                }
                try {
                    exit = ExitCodes.worst(exit, stage.step().run(at, out));
                } catch (Exception e) {
                    out.println(stage.name() + " FAILED: " + failure.apply(e));
                    exit = ExitCodes.FAILURE;
                }
            }
        } catch (RunLock.ConcurrentRunException e) {
            out.println("intraday refused: " + e.getMessage());
            exit = ExitCodes.FAILURE;
        }
        return exit;
    }

    /** The nightly run's stages, in order; they run after the night's ingestion. */
    public List<Stage> nightly() {
        return nightly;
    }

    /**
     * The nightly run for the Japan date {@code day}: ingests folder dates D-1 and D (and the catch-up window
     * before them), then runs each nightly stage. A part that fails is reported with {@code failure}'s line for
     * it and the rest still runs.
     */
    public int runNightly(LocalDate day, Duration lockWait, PrintWriter out, Function<Throwable, String> failure) {
        IngestParameters parameters = new IngestParameters(day.minusDays(1 + ingestSettings.catchUpDays()), day,
                EnumSet.allOf(LogType.class), Set.of(), false, settings.sources(), 1);
        int exit;
        // One lock over ingestion and the stages: a second run waits until this one's findings are derived.
        try (RunLock.Held lock = runLock.acquire("ingest", lockWait)) {
            try {
                exit = ingest.run(parameters, lockWait, out);
            } catch (Exception e) {
                out.println("ingest FAILED: " + failure.apply(e));
                exit = ExitCodes.FAILURE;
            }
            for (Stage stage : nightly) {
                try {
                    exit = ExitCodes.worst(exit, stage.run(day, out));
                } catch (Exception e) {
                    out.println(stage.name() + " FAILED: " + failure.apply(e));
                    exit = ExitCodes.FAILURE;
                }
            }
        } catch (RunLock.ConcurrentRunException e) {
            out.println("nightly refused: " + e.getMessage());
            exit = ExitCodes.FAILURE;
        }
        return exit;
    }

    /**
     * The nightly run over a whole range of Japan dates at once (the demo's month): ingests the folder dates of
     * the range, then runs each nightly stage over the range. A failure ends the run.
     */
    public int runNightlyRange(LocalDate from, LocalDate to, Duration lockWait, PrintWriter out) throws Exception {
        int exit = ingest.run(new IngestParameters(from, to, EnumSet.allOf(LogType.class), Set.of(), false,
                settings.sources(), 1), lockWait, out);
        for (Stage stage : nightly) {
            exit = ExitCodes.worst(exit, stage.runRange(from, to, out));
        }
        return exit;
    }
}
