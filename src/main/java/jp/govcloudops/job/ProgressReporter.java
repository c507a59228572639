package jp.govcloudops.job;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jp.govcloudops.config.ProgressProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Shows a job's {@link JobProgress} while it runs: on a terminal, one line on stderr redrawn every second; otherwise
 * (cron, systemd) one log line a minute, and a closing line with the totals when the run lasted that long.
 */
@Component
public class ProgressReporter {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final ProgressProperties properties;

    public ProgressReporter(ProgressProperties properties) {
        this.properties = properties;
    }

    /** Shows progress until the returned handle is closed. */
    public Shown show(JobProgress progress) {
        progress.start();
        if (!properties.enabled()) {
            return () -> {
            };
        }
        boolean terminal = System.console() != null;
        Duration interval = terminal ? properties.terminalInterval() : properties.interval();
        PrintStream err = System.err;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "progress");
            thread.setDaemon(true);
            return thread;
        });
        Runnable print = () -> {
            if (terminal) {
                // Carriage return and erase-line: the line is redrawn in place.
                err.print("\r\033[K" + progress.line(false));
                err.flush();
            } else {
                log.info(progress.line(false));
            }
        };
        timer.scheduleAtFixedRate(print, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
        return () -> {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // A run shorter than one interval showed nothing and needs no totals line either.
            if (progress.elapsedNanos() >= interval.toNanos()) {
                if (terminal) {
                    err.println("\r\033[K" + progress.line(true));
                } else {
                    log.info(progress.line(true));
                }
            }
        };
    }

    /** The progress display of one run; closing it stops the display. */
    public interface Shown extends AutoCloseable {
        @Override
        void close();
    }
}
