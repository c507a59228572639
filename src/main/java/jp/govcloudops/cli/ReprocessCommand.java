package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.pipeline.IngestRun;
import jp.govcloudops.source.LogType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = {"Re-run ingestion over a range of folder dates (UTC, as in the keys) (再処理).",
                "Without --force, brings each partition up to date (only new or changed objects);",
                "with --force, replaces the partitions' contributions from scratch, atomically per partition.",
                "Restartable: after a crash, run the same command again."})
public class ReprocessCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "D", description = "First folder date.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "D", description = "Last folder date.")
    LocalDate to;

    @Option(names = "--log-type", split = ",", paramLabel = "TYPE",
            description = "cloudtrail, cloudtrail-insight, vpcflow, guardduty, securityhub, config (repeatable; default all).")
    List<LogType> logTypes = new ArrayList<>();

    @Option(names = "--account", split = ",", paramLabel = "ID", description = "Only these accounts (repeatable).")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--force", description = "Replace the partitions' contributions from scratch.")
    boolean force;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "PT15M",
            description = "How long to wait for another run on the same store (default ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Override
    public Integer call() {
        Usage.requireOrdered(spec, from, to);
        Set<LogType> types = logTypes.isEmpty() ? EnumSet.allOf(LogType.class) : EnumSet.copyOf(logTypes);
        PrintWriter out = spec.commandLine().getOut();
        return root.withContext(context -> {
            IngestParameters parameters = new IngestParameters(from, to, types, new HashSet<>(accounts), force,
                    context.getBean(GovcloudProperties.class).sources(), 1);
            try {
                return context.getBean(IngestRun.class).run(parameters, lockWait, out);
            } catch (Exception e) {
                out.println("reprocess FAILED: " + root.failure(e));
                return ExitCodes.FAILURE;
            } finally {
                out.flush();
            }
        });
    }
}
