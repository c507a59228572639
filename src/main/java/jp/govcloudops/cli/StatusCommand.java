package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import jp.govcloudops.archive.ArchiveStore;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.store.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Per folder date x account x region x log type: objects, records, quarantined records,",
                "unreadable objects and the last run; then the open data gaps (欠損) of the range."})
public class StatusCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "D", description = "First folder date (default: 7 days before --to).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "D", description = "Last folder date (default: today, UTC).")
    LocalDate to;

    @Option(names = "--all-gaps", description = "Also list gaps that have been resolved.")
    boolean allGaps;

    @Override
    public Integer call() {
        LocalDate last = to != null ? to : LocalDate.now(java.time.ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(7);
        Usage.requireOrdered(spec, first, last);
        PrintWriter out = spec.commandLine().getOut();
        return root.withStoreReader(context -> {
            StatusReport status = context.getBean(StatusReport.class);
            List<StatusReport.PartitionStatus> rows = status.partitions(first, last);
            out.printf("%-10s  %-12s  %-16s  %-18s  %8s  %12s  %11s  %10s  %s%n", "folder", "account", "region",
                    "log type", "objects", "records", "quarantined", "unreadable", "last run (UTC)");
            for (StatusReport.PartitionStatus r : rows) {
                out.printf("%-10s  %-12s  %-16s  %-18s  %8d  %12d  %11d  %10d  %s%n", r.folderDate(), r.accountId(),
                        r.region(), r.logType(), r.objects(), r.records(), r.quarantined(), r.failedObjects(),
                        r.lastRun() == null ? "-" : r.lastRun().withNano(0).toString().replace('T', ' '));
            }
            List<StatusReport.EmptyObjects> empty = status.emptyObjects(first, last);
            if (!empty.isEmpty()) {
                out.println();
                out.println("Empty objects (空のオブジェクト: read whole, no records; not an error):");
                for (StatusReport.EmptyObjects e : empty) {
                    out.printf("  %s %s %s %s: %d (%s%s)%n", e.folderDate(), e.accountId(), e.region(), e.logType(),
                            e.objects(), e.objects() > 1 ? "first " : "", e.firstKey());
                }
            }
            archive(out, context.getBean(ArchiveStore.class));
            List<StatusReport.Gap> gaps = status.gaps(first, last, allGaps);
            out.println();
            out.println(gaps.isEmpty() ? "No open data gaps." : "Data gaps (データ欠損):");
            for (StatusReport.Gap g : gaps) {
                out.printf("  %s %s %s %s %s%s: %s%n", g.folderDate(), g.accountId(), g.region(), g.logType(),
                        g.kind(), g.resolved() == null ? "" : " (resolved " + g.resolved().withNano(0) + ")", g.detail());
            }
            out.flush();
            return gaps.stream().anyMatch(g -> g.resolved() == null) ? ExitCodes.COMPLETED_WITH_GAPS : ExitCodes.OK;
        });
    }

    /** The archive's size and coverage per log type and account, whatever the range. */
    private static void archive(PrintWriter out, ArchiveStore archive) {
        out.println();
        var location = archive.recordedLocation();
        if (location.isEmpty()) {
            out.println("Archive (アーカイブ): none written yet.");
            return;
        }
        out.println("Archive (アーカイブ) " + location.get() + ":");
        for (ArchiveStore.Coverage c : archive.coverage()) {
            out.printf("  %-10s  %-12s  %s..%s  %5d files  %12d records  %,14d bytes%n", c.logType(), c.account(),
                    c.firstDay(), c.lastDay(), c.files(), c.records(), c.sizeBytes());
        }
    }
}
