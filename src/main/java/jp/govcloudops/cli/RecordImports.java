package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

import jp.govcloudops.records.OperatorRecordsImport;
import jp.govcloudops.records.RecordImportException;
import picocli.CommandLine.Model.CommandSpec;

/** Runs one operator-record import for a command and reports the outcome; shared by effort, incident, inquiry, risk. */
final class RecordImports {

    private RecordImports() {
    }

    static int run(GovcloudCli root, CommandSpec spec, String what, Path file, String encoding,
            BiFunction<OperatorRecordsImport, Charset, OperatorRecordsImport.Outcome> work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("error: no such file: " + file);
            err.flush();
            return ExitCodes.FAILURE;
        }
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            err.println("error: unknown encoding " + encoding);
            err.flush();
            return ExitCodes.FAILURE;
        }
        return root.withContext(context -> {
            try {
                OperatorRecordsImport.Outcome outcome = work.apply(context.getBean(OperatorRecordsImport.class), charset);
                out.printf("%s: imported %d %s%s%n", file, outcome.imported(), what,
                        outcome.replaced() > 0 ? " (replacing " + outcome.replaced() + " rows of an earlier import of"
                                + " this file)" : "");
                out.flush();
                return ExitCodes.OK;
            } catch (RecordImportException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return ExitCodes.FAILURE;
            }
        });
    }
}
