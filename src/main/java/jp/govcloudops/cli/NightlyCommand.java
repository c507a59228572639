package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import jp.govcloudops.pipeline.Pipelines;
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
            int exit = context.getBean(Pipelines.class).runNightly(day, lockWait, out, root::failure);
            out.flush();
            return exit;
        });
    }
}
