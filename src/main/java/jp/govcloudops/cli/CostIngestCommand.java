package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jp.govcloudops.config.CostProperties;
import jp.govcloudops.job.cost.CostIngestLauncher;
import jp.govcloudops.job.cost.CostIngestParameters;
import jp.govcloudops.pipeline.CostIngestReport;
import jp.govcloudops.pipeline.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "cost-ingest", mixinStandardHelpOptions = true,
        description = {"Loads cost data (利用料): the named CUR 2.0 / FOCUS / legacy CUR files (Parquet or CSV, plain",
                "or gzip), or, without files, every changed billing period of the exports under --cost-source",
                "(govcloud.cost.sources). Each file or billing period replaces its previous load whole."})
public class CostIngestCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Cost files to load (each replaces its own"
            + " previous load).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--force", description = "Read export billing periods again even when their files are unchanged.")
    boolean force;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "PT15M",
            description = "How long to wait for another cost run on the same store (default ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Override
    public Integer call() {
        if (!files.isEmpty() && !root.costSources.isEmpty()) {
            throw Usage.error(spec, "give cost files or --cost-source, not both (named files are loaded instead of"
                    + " the export locations)");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("error: no such file: " + file);
                return ExitCodes.FAILURE;
            }
        }
        return root.withContext(context -> {
            List<String> paths = files.stream().map(f -> f.toAbsolutePath().normalize().toString()).toList();
            List<String> sources = paths.isEmpty() ? context.getBean(CostProperties.class).sources() : List.of();
            try {
                CostIngestLauncher.Outcome outcome = context.getBean(CostIngestLauncher.class)
                        .run(new CostIngestParameters(sources, paths, force, 1), lockWait);
                return CostIngestReport.print(outcome, out);
            } catch (Exception e) {
                out.println("cost-ingest FAILED: " + root.failure(e));
                return ExitCodes.FAILURE;
            } finally {
                out.flush();
            }
        });
    }
}
