package jp.govcloudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Usage errors exit 64 on every command, print one line and where the help is, and run nothing (the store named
 * by --db is never created); every command's help lists the exit codes, and {@code help COMMAND} is
 * {@code COMMAND --help}.
 */
class UsageErrorsTest {

    @TempDir
    Path tmp;

    private CliRun usageError(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--db=" + TestStore.h2(tmp.resolve("db"))));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(new String[0]));
        assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.out() + run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).as("nothing on stdout").isEmpty();
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as(run.err()).hasSize(2);
        assertThat(lines.get(0)).startsWith("error: ");
        assertThat(lines.get(1)).matches("see 'govcloud-ops( [a-z-]+)* --help'");
        try (Stream<Path> files = Files.exists(tmp.resolve("db")) ? Files.list(tmp.resolve("db")) : Stream.empty()) {
            assertThat(files).as("the store was not opened").isEmpty();
        }
        return run;
    }

    @Test
    void parseErrorsExit64WithOneLine() throws IOException {
        assertThat(usageError().err()).contains("Missing required subcommand").contains("see 'govcloud-ops --help'");
        assertThat(usageError("nightlyy").err()).contains("Unmatched argument");
        assertThat(usageError("findings").err()).contains("Missing required subcommand")
                .contains("see 'govcloud-ops findings --help'");
        assertThat(usageError("effort").err()).contains("see 'govcloud-ops effort --help'");
        assertThat(usageError("nightly", "--dat=2026-10-01").err())
                .contains("Unknown option: '--dat=2026-10-01' (did you mean --date?)")
                .contains("see 'govcloud-ops nightly --help'");
        assertThat(usageError("nightly", "--date=2026-13-01").err())
                .contains("Invalid value for option '--date': '2026-13-01' is not a date (YYYY-MM-DD)");
        assertThat(usageError("nightly", "--lock-wait=15m").err()).contains("is not a duration");
        assertThat(usageError("report", "--month=2026-13").err()).contains("'2026-13' is not a month (YYYY-MM)");
        assertThat(usageError("report", "--month=2026-10", "--format=doc").err())
                .contains("unknown report format 'doc'");
        assertThat(usageError("reprocess", "--from=2026-10-01").err()).contains("Missing required option: '--to=D'");
        assertThat(usageError("reprocess", "--from=2026-10-01", "--to=2026-10-01", "--log-type=cloudtrial").err())
                .contains("unknown log type 'cloudtrial'");
        assertThat(usageError("findings", "set-status", "42").err()).contains("Missing required parameter: 'STATUS'");
        assertThat(usageError("findings", "set-status", "42", "done").err()).contains("unknown status 'done'");
        assertThat(usageError("findings", "list", "--from=2026-10-01", "--to=2026-10-02", "--severity=urgent").err())
                .contains("unknown severity 'urgent'");
        assertThat(usageError("findings", "list", "--from=2026-10-01", "--to=2026-10-02", "--format=json").err())
                .contains("expected one of [table, csv]");
        assertThat(usageError("effort", "add", "--date=2026-10-01", "--hours=1", "--category=お茶",
                "--person=佐藤").err()).contains("'お茶' is not one of 定常監視");
        assertThat(usageError("effort", "add", "--date=2026-10-01", "--start=9am", "--hours=1",
                "--category=定常監視", "--person=佐藤").err()).contains("'9am' is not a time (HH:MM)");
    }

    @Test
    void checksAfterParsingAreUsageErrorsToo() throws IOException {
        assertThat(usageError("reprocess", "--from=2026-10-02", "--to=2026-10-01").err())
                .contains("error: --from 2026-10-02 is after --to 2026-10-01")
                .contains("see 'govcloud-ops reprocess --help'");
        assertThat(usageError("status", "--from=2026-10-02", "--to=2026-10-01").err()).contains("is after --to");
        assertThat(usageError("findings", "list", "--from=2026-10-02", "--to=2026-10-01").err())
                .contains("see 'govcloud-ops findings list --help'");
        assertThat(usageError("findings", "rebuild", "--from=2026-10-02", "--to=2026-10-01").err())
                .contains("is after --to");
        assertThat(usageError("verify-trail", "--from=2026-10-02", "--to=2026-10-01").err())
                .contains("see 'govcloud-ops verify-trail --help'");
        assertThat(usageError("effort", "add", "--date=2026-10-01", "--hours=25", "--category=定常監視",
                "--person=佐藤").err()).contains("--hours must be more than 0 and at most 24");
        assertThat(usageError("inquiry", "import", "--encoding=no-such", "sample-data/records/inquiries.csv").err())
                .contains("unknown encoding no-such");
        assertThat(usageError("--cost-source=" + tmp, "cost-ingest", "sample-data/records/risks.csv").err())
                .contains("give cost files or --cost-source, not both");
        assertThat(usageError("sample-data", "--from=2026-10-05", "--to=2026-10-05", "--scale=0",
                "--out=" + tmp.resolve("sample")).err()).contains("--scale must be above 0");
    }

    @Test
    void everyCommandsHelpListsTheExitCodesAndHelpCommandShowsIt() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new GovcloudCli(GovcloudOpsApplication.class)), new ArrayList<>(), paths);
        assertThat(paths).as("every command and subcommand").hasSizeGreaterThan(20);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun help = CliRun.of(args.toArray(new String[0]));
            assertThat(help.exit()).as(args.toString()).isEqualTo(ExitCodes.OK);
            assertThat(help.out()).as(args.toString()).contains("Exit codes:")
                    .containsPattern("\\n\\s+0\\s+success")
                    .containsPattern("\\n\\s+1\\s+failure")
                    .containsPattern("\\n\\s+2\\s+completed with data gaps")
                    .containsPattern("\\n\\s+64\\s+usage error");
            if (path.size() == 1) {
                assertThat(CliRun.of("help", path.get(0)).out()).as("help " + path).isEqualTo(help.out());
            }
        }
        assertThat(usageErrorOfHelp()).contains("Unknown subcommand 'nightlyy'");
    }

    private String usageErrorOfHelp() {
        CliRun run = CliRun.of("help", "nightlyy");
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        return run.err();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        for (var sub : command.getSubcommands().entrySet()) {
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            collect(sub.getValue(), next, paths);
        }
    }
}
