package jp.govcloudops.pipeline;

import java.io.PrintWriter;
import java.time.LocalDate;

import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.DetectionService;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.FindingNotifier;
import jp.govcloudops.detect.FindingStore;
import org.springframework.stereotype.Component;

/**
 * The nightly detection stage (after ingestion, before mail): re-derives the findings of the recent days and of
 * every day that newly ingested objects touched, queues notifications, prunes old detection inputs.
 */
@Component
public class DetectionStage implements Stage {

    private final DetectionService detection;
    private final FindingNotifier notifier;
    private final DetectionProperties properties;

    public DetectionStage(DetectionService detection, FindingNotifier notifier, DetectionProperties properties) {
        this.detection = detection;
        this.notifier = notifier;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "detection";
    }

    @Override
    public int run(LocalDate day, PrintWriter out) {
        return runRange(day, day, out);
    }

    /** A range is derived at once: the same findings as night by night, in one pass. */
    @Override
    public int runRange(LocalDate from, LocalDate to, PrintWriter out) {
        if (!properties.enabled()) {
            out.println("detection: disabled (govcloud.detection.enabled=false)");
            return ExitCodes.OK;
        }
        LocalDate day = to;
        DetectionWindow nightly = detection.nightlyWindow(to);
        LocalDate first = from.minusDays(properties.redetectDays());
        DetectionWindow window = first.isBefore(nightly.from()) ? detection.window(first, nightly.to()) : nightly;
        DetectionService.Result result = detection.run(window);
        detection.advanceWatermark();
        FindingStore.Outcome total = result.total();
        out.printf("detection %s..%s: %d findings (%d new, %d updated, %d withdrawn)%n", window.from(), window.to(),
                result.findings(), total.inserted(), total.updated(), total.withdrawn());
        FindingNotifier.Queued queued = notifier.queue(from, to);
        out.println("detection: " + queued.describe());
        detection.prune(day);
        return ExitCodes.OK;
    }
}
