package jp.govcloudops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.Severity;
import jp.govcloudops.detect.DetectionService;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.FindingStatus;
import jp.govcloudops.detect.FindingStore;
import jp.govcloudops.pipeline.ExitCodes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code findings}: list, show and update the security findings (検知結果). */
@Command(name = "findings", mixinStandardHelpOptions = true,
        description = "Security and network findings (検知結果): list, show, set a status, re-derive.",
        subcommands = {FindingsCommand.ListFindings.class, FindingsCommand.Show.class, FindingsCommand.SetStatus.class,
                FindingsCommand.Rebuild.class})
public class FindingsCommand {

    @ParentCommand
    GovcloudCli root;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Findings whose events fall on the days D..D (the store's zone, Asia/Tokyo by default),",
                    "in time order: id, time (JST), severity, rule, account, principal, events or flow, status."})
    static class ListFindings implements Callable<Integer> {

        @ParentCommand
        FindingsCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "D", description = "First day.")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "D", description = "Last day.")
        LocalDate to;

        @Option(names = "--severity", paramLabel = "S", defaultValue = "INFORMATIONAL",
                description = "Lowest severity shown: INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL (default ${DEFAULT-VALUE}).")
        Severity severity;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table or csv (RFC 4180 with a header row; default ${DEFAULT-VALUE}).")
        ListFormat format;

        enum ListFormat { table, csv }

        @Option(names = "--withdrawn", description = "Also list findings no longer derived from the logs (kept because"
                + " an operator had acted on them).")
        boolean withdrawn;

        @Override
        public Integer call() {
            Usage.requireOrdered(spec, from, to);
            PrintWriter out = spec.commandLine().getOut();
            return parent.root.withStoreReader(context -> {
                GovcloudProperties settings = context.getBean(GovcloudProperties.class);
                List<FindingStore.Stored> findings = context.getBean(FindingStore.class).list(from, to, severity,
                        withdrawn);
                List<String[]> rows = new ArrayList<>();
                for (FindingStore.Stored f : findings) {
                    rows.add(new String[] {Long.toString(f.id()), FindingMails.jst(f.firstEventAt()),
                            f.severity().name(), f.ruleId(), f.titleJa(), account(settings, f.accountId()),
                            nvl(f.principal() != null ? f.principal() : f.sourceIp()), nvl(f.eventNames()),
                            f.status().label() + (f.derived() ? "" : "（ログから消失）")});
                }
                String[] header = {"id", "time_jst", "severity", "rule_id", "title", "account", "principal",
                        "events", "status"};
                if (format == ListFormat.csv) {
                    try {
                        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get());
                        for (String[] row : rows) {
                            csv.printRecord((Object[]) row);
                        }
                        csv.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else {
                    Table.print(out, new String[] {"ID", "日時(JST)", "重要度", "ルール", "タイトル", "アカウント",
                            "実行者/送信元", "イベント/通信", "状態"}, rows, new int[] {6, 23, 13, 42, 36, 26, 48, 48, 16});
                    out.printf("%d 件%n", rows.size());
                }
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One finding in full: evidence (the matched records or the statistic and its baseline),"
                    + " 対応策 and the history of its status.")
    static class Show implements Callable<Integer> {

        @ParentCommand
        FindingsCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return parent.root.withStoreReader(context -> {
                FindingStore store = context.getBean(FindingStore.class);
                var found = store.get(id);
                if (found.isEmpty()) {
                    spec.commandLine().getErr().println("no finding with id " + id);
                    return ExitCodes.FAILURE;
                }
                FindingStore.Stored f = found.get();
                out.print(context.getBean(FindingMails.class).body(f));
                out.println();
                out.println("■ 根拠（evidence）");
                out.println(f.evidence());
                var history = store.history(id);
                if (!history.isEmpty()) {
                    out.println();
                    out.println("■ 状態の履歴");
                    for (FindingStore.StatusChange h : history) {
                        out.printf("  %s  %s → %s  %s%s%n", FindingMails.jst(h.changedAt()),
                                h.from() == null ? "-" : h.from().label(), h.to().label(),
                                h.changedBy() == null ? "" : "(" + h.changedBy() + ") ", nvl(h.note()));
                    }
                }
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "set-status", mixinStandardHelpOptions = true,
            description = {"Sets a finding's status: 未対応 (NEW), 対応中 (IN_PROGRESS), 対応済 (RESOLVED),",
                    "経過観察 (MONITORING), 誤検知 (FALSE_POSITIVE). The change is kept in the finding's history and",
                    "survives re-derivation of the finding."})
    static class SetStatus implements Callable<Integer> {

        @ParentCommand
        FindingsCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Parameters(index = "1", paramLabel = "STATUS")
        FindingStatus status;

        @Option(names = "--note", paramLabel = "TEXT", description = "What was done or found (対応内容).")
        String note;

        @Option(names = "--by", paramLabel = "NAME", description = "Who changed it (default: the OS user).")
        String by = System.getProperty("user.name");

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return parent.root.withContext(context -> {
                try {
                    FindingStatus previous = context.getBean(FindingStore.class).setStatus(id, status, note, by);
                    out.printf("finding %d: %s → %s%n", id, previous.label(), status.label());
                    out.flush();
                    return ExitCodes.OK;
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    return ExitCodes.FAILURE;
                }
            });
        }
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = {"Re-derives the findings of the days D..D from the stored data (after a reprocess of",
                    "older days, or after changing rules). Statuses of re-derived findings are kept."})
    static class Rebuild implements Callable<Integer> {

        @ParentCommand
        FindingsCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "D")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "D")
        LocalDate to;

        @Override
        public Integer call() {
            Usage.requireOrdered(spec, from, to);
            PrintWriter out = spec.commandLine().getOut();
            return parent.root.withContext(context -> {
                DetectionService detection = context.getBean(DetectionService.class);
                DetectionService.Result result = detection.run(detection.window(from, to));
                var total = result.total();
                out.printf("findings %s..%s: %d derived (%d new, %d updated, %d withdrawn)%n", from, to,
                        result.findings(), total.inserted(), total.updated(), total.withdrawn());
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    static String account(GovcloudProperties settings, String id) {
        if (id == null) {
            return "";
        }
        String name = settings.accountName(id);
        return name.equals(id) ? id : name + " (" + id + ")";
    }

    static String nvl(String s) {
        return s == null ? "" : s;
    }
}
