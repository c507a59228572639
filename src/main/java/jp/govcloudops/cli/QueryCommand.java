package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import jp.govcloudops.store.ReadOnlyQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs one read-only SQL query against the store and prints RFC 4180 CSV with a header row",
                "(NULL as an empty field). Views and tables: docs/schema.md. Anything but a query is refused."})
public class QueryCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SQL", description = "SELECT ...")
    String sql;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return root.withContext(context -> {
            try {
                context.getBean(ReadOnlyQuery.class).run(sql, out);
                out.flush();
                return ExitCodes.OK;
            } catch (Exception e) {
                spec.commandLine().getErr().println("query refused or failed: " + GovcloudCli.rootMessage(e));
                return ExitCodes.FAILURE;
            }
        });
    }
}
