package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.store.ReadOnlyQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs one read-only SQL query against the store and prints RFC 4180 CSV with a header row",
                "(NULL as an empty field). Views and tables: docs/schema.md. Anything but a query is refused.",
                "It reads as the store's reader, an identity that can only read (docs/operations.md)."})
public class QueryCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SQL", description = "SELECT ...")
    String sql;

    @Option(names = "--allow-superuser", description = "PostgreSQL: run even when the reader's role is a superuser or"
            + " may read or write the server's files (refused otherwise).")
    boolean allowSuperuser;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return root.withStoreReader(context -> {
            try {
                context.getBean(ReadOnlyQuery.class).run(sql, out, allowSuperuser);
                out.flush();
                return ExitCodes.OK;
            } catch (Exception e) {
                spec.commandLine().getErr().println("query refused or failed: " + ReadOnlyQuery.reason(e));
                return ExitCodes.FAILURE;
            }
        });
    }
}
