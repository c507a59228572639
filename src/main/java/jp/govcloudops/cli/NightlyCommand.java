package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.IngestProperties;
import jp.govcloudops.job.RunLock;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"The nightly run (夜間処理): ingest every object not yet in the manifest in folder dates D-1 and D",
                "(UTC, as in the keys) plus the catch-up window before them, then run the nightly stages",
                "(trail integrity, detections, cost, notifications). A JST day's totals are final once the",
                "following night has run."})
public class NightlyCommand implements Callable<Integer> {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--date", paramLabel = "D", description = "The Japan date to process. Default: yesterday in Asia/Tokyo.")
    LocalDate date;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "PT15M",
            description = "How long to wait for another run on the same store (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Override
    public Integer call() {
        LocalDate day = date != null ? date : LocalDate.now(JAPAN).minusDays(1);
        PrintWriter out = spec.commandLine().getOut();
        return root.withContext(context -> {
            GovcloudProperties settings = context.getBean(GovcloudProperties.class);
            IngestProperties ingest = context.getBean(IngestProperties.class);
            IngestParameters parameters = new IngestParameters(day.minusDays(1 + ingest.catchUpDays()), day,
                    EnumSet.allOf(LogType.class), Set.of(), false, settings.sources(), 1);
            int exit;
            // One lock over ingestion and the stages: a second run waits until this one's findings are derived.
            try (RunLock.Held lock = context.getBean(RunLock.class).acquire("ingest", lockWait)) {
                try {
                    exit = IngestRun.run(context, parameters, lockWait, out);
                } catch (Exception e) {
                    out.println("ingest FAILED: " + root.failure(e));
                    exit = ExitCodes.FAILURE;
                }
                for (NightlyStage stage : context.getBeansOfType(NightlyStage.class).values().stream()
                        .sorted(Comparator.comparingInt(NightlyStage::getOrder)).toList()) {
                    try {
                        exit = worst(exit, stage.run(day, out));
                    } catch (Exception e) {
                        out.println(stage.name() + " FAILED: " + root.failure(e));
                        exit = ExitCodes.FAILURE;
                    }
                }
            } catch (RunLock.ConcurrentRunException e) {
                out.println("nightly refused: " + e.getMessage());
                exit = ExitCodes.FAILURE;
            }
            out.flush();
            return exit;
        });
    }

    static int worst(int a, int b) {
        if (a == ExitCodes.FAILURE || b == ExitCodes.FAILURE) {
            return ExitCodes.FAILURE;
        }
        return Math.max(a, b);
    }
}
