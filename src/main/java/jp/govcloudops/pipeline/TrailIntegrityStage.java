package jp.govcloudops.pipeline;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Set;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.IntegrityProperties;
import jp.govcloudops.integrity.TrailIntegrityCheck;
import org.springframework.stereotype.Component;

/**
 * The nightly trail integrity check, after ingestion and before detection (whose notifications then include its
 * findings): the folder dates D-1 and D (UTC), as ingestion reads them. Hours whose digest has not arrived yet are
 * "not yet covered" tonight and checked again tomorrow, when D is D-1.
 */
@Component
public class TrailIntegrityStage implements Stage {

    private final TrailIntegrityCheck check;
    private final IntegrityProperties properties;
    private final GovcloudProperties settings;

    public TrailIntegrityStage(TrailIntegrityCheck check, IntegrityProperties properties, GovcloudProperties settings) {
        this.check = check;
        this.properties = properties;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "trail-integrity";
    }

    @Override
    public int run(LocalDate day, PrintWriter out) throws Exception {
        return runRange(day.minusDays(1), day, out);
    }

    @Override
    public int runRange(LocalDate from, LocalDate to, PrintWriter out) throws Exception {
        if (!properties.enabled()) {
            out.println("trail-integrity: disabled (govcloud.integrity.enabled=false)");
            return ExitCodes.OK;
        }
        TrailIntegrityCheck.Outcome outcome = check.run(new TrailIntegrityCheck.Scope(from, to, Set.of(), Set.of(),
                settings.sources()), out);
        out.println(summary(from, to, outcome));
        return outcome.wrong() ? ExitCodes.COMPLETED_WITH_GAPS : ExitCodes.OK;
    }

    /** The one-line summary of a check run, the same for the command and the stage. */
    public static String summary(LocalDate from, LocalDate to, TrailIntegrityCheck.Outcome outcome) {
        StringBuilder line = new StringBuilder("trail-integrity " + from + ".." + to + ": " + outcome.streams()
                + " streams");
        if (outcome.hours().isEmpty()) {
            line.append(", no CloudTrail digests or log files");
        }
        outcome.hours().forEach((status, n) -> line.append(", ").append(n).append(' ').append(status.name()));
        line.append("; findings ").append(outcome.findings().inserted()).append(" new, ")
                .append(outcome.findings().updated()).append(" updated, ").append(outcome.findings().withdrawn())
                .append(" withdrawn");
        return line.append(outcome.wrong() ? " -> NOT ALL VALID" : " -> all valid").toString();
    }
}
