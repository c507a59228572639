package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.integrity.TrailIntegrityCheck;
import jp.govcloudops.job.RunLock;
import jp.govcloudops.pipeline.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "verify-trail", mixinStandardHelpOptions = true,
        description = {"Trail integrity (証跡の完全性): checks the CloudTrail log files of folder dates D..D (UTC) against",
                "the digest files CloudTrail signed (digests read up to --to + 1 day): signatures, the digest chain, and",
                "the SHA-256 of every log file. Results per account, region and hour are stored (views trail_integrity,",
                "trail_integrity_problems); tampering becomes a CRITICAL finding. Exit 2 when anything is not valid."})
public class VerifyTrailCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "D", description = "First folder date (UTC).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "D", description = "Last folder date (UTC).")
    LocalDate to;

    @Option(names = "--account", paramLabel = "ID", split = ",", description = "Only these accounts (repeatable).")
    List<String> accounts = List.of();

    @Option(names = "--region", paramLabel = "REGION", split = ",", description = "Only these regions (repeatable).")
    List<String> regions = List.of();

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "PT15M",
            description = "How long to wait for a nightly run on the same store (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Override
    public Integer call() {
        Usage.requireOrdered(spec, from, to);
        PrintWriter out = spec.commandLine().getOut();
        return root.withContext(context -> {
            List<String> locations = context.getBean(GovcloudProperties.class).sources();
            if (locations.isEmpty()) {
                out.println("verify-trail: no log location (give --source or set govcloud.sources)");
                out.flush();
                return ExitCodes.FAILURE;
            }
            // The nightly run's lock: its findings and gaps are re-derived by the same stores.
            try (RunLock.Held lock = context.getBean(RunLock.class).acquire("ingest", lockWait)) {
                TrailIntegrityCheck.Outcome outcome = context.getBean(TrailIntegrityCheck.class).run(
                        new TrailIntegrityCheck.Scope(from, to, new HashSet<>(accounts), new HashSet<>(regions),
                                locations), out);
                out.println(jp.govcloudops.pipeline.TrailIntegrityStage.summary(from, to, outcome));
                out.flush();
                return outcome.wrong() ? ExitCodes.COMPLETED_WITH_GAPS : ExitCodes.OK;
            } catch (RunLock.ConcurrentRunException e) {
                out.println("verify-trail refused: " + e.getMessage());
                out.flush();
                return ExitCodes.FAILURE;
            } catch (java.io.IOException e) {
                out.println("verify-trail FAILED: " + root.failure(e));
                out.flush();
                return ExitCodes.FAILURE;
            }
        });
    }
}
