package jp.govcloudops.pipeline;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;

import jp.govcloudops.calendar.ServiceHours;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.detect.DetectionService;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Detector;
import jp.govcloudops.detect.IntradayAlerts;
import org.springframework.stereotype.Component;

/**
 * The intraday run's detection: the per-record detectors (CloudTrail rules, the security services' findings) over
 * the Japan days of yesterday and today, then the immediate mails for the time of day. It leaves the nightly
 * watermark alone, so the night still re-derives every day the day's objects touched, with all detectors.
 */
@Component
public class IntradayAlertStage {

    private final DetectionService detection;
    private final IntradayAlerts alerts;
    private final DetectionProperties properties;

    public IntradayAlertStage(DetectionService detection, IntradayAlerts alerts, DetectionProperties properties) {
        this.detection = detection;
        this.alerts = alerts;
        this.properties = properties;
    }

    public String name() {
        return "intraday-detection";
    }

    public int run(Instant at, PrintWriter out) {
        if (!properties.enabled()) {
            out.println("intraday-detection: disabled (govcloud.detection.enabled=false)");
            return ExitCodes.OK;
        }
        LocalDate today = LocalDate.ofInstant(at, ServiceHours.JAPAN);
        DetectionWindow window = detection.window(today.minusDays(1), today);
        DetectionService.Result result = detection.run(window, Detector::perRecord);
        out.printf("intraday-detection %s..%s: %d findings (%d new, %d updated)%n", window.from(), window.to(),
                result.findings(), result.total().inserted(), result.total().updated());
        out.println("intraday-detection: " + alerts.queue(at, window.fromUtc()).describe());
        return ExitCodes.OK;
    }
}
