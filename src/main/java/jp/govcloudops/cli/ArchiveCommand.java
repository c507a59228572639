package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jp.govcloudops.archive.ArchiveStore.ArchivedFile;
import jp.govcloudops.archive.prune.ArchivePruner;
import jp.govcloudops.pipeline.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code archive}: the Parquet archive of every record (アーカイブ). */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "The Parquet archive of every record (アーカイブ): retention.",
        subcommands = {ArchiveCommand.Prune.class})
public class ArchiveCommand {

    @ParentCommand
    GovcloudCli root;

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = {"Lists the archive's files of days older than govcloud.archive.retention (13 months by",
                    "default) and, with --yes, deletes them (保管期間を過ぎたアーカイブの削除)."})
    static class Prune implements Callable<Integer> {

        @ParentCommand
        ArchiveCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--yes", description = "Delete the files listed (without it, nothing is deleted).")
        boolean yes;

        @Option(names = "--today", paramLabel = "D", hidden = true, description = "The day retention counts from.")
        LocalDate today;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return parent.root.withContext(context -> {
                ArchivePruner pruner = context.getBean(ArchivePruner.class);
                ArchivePruner.Plan plan = pruner.plan(today != null ? today : LocalDate.now(java.time.ZoneOffset.UTC));
                if (plan.archive().isEmpty()) {
                    out.println("This store has not written an archive yet: nothing to prune.");
                    return ExitCodes.OK;
                }
                out.printf("Archive %s: days before %s are past retention.%n", plan.archive().get(), plan.firstKept());
                List<String[]> rows = new ArrayList<>();
                for (ArchivedFile f : plan.files()) {
                    rows.add(new String[] {f.day().toString(), f.logType().id(), f.account(), f.region(),
                            Long.toString(f.records()), Long.toString(f.sizeBytes()), f.path()});
                }
                if (!rows.isEmpty()) {
                    Table.print(out, new String[] {"day", "log type", "account", "region", "records", "bytes", "file"},
                            rows, new int[] {10, 10, 12, 16, 10, 12, 60});
                }
                out.printf("%d files, %d records, %d bytes%s%n", plan.files().size(), plan.records(), plan.bytes(),
                        plan.files().isEmpty() ? "." : yes ? ": deleting." : ": run again with --yes to delete them.");
                if (yes) {
                    pruner.delete(plan);
                    out.println("Deleted.");
                }
                out.flush();
                return ExitCodes.OK;
            });
        }
    }
}
