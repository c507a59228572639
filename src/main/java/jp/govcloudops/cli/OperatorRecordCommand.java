package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.records.OperatorRecordsImport;
import jp.govcloudops.records.RecordImportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * A kind of operator record (作業実績, 障害・インシデント, 問合せ対応, 課題・リスク): the command names it, and its
 * {@code import} subcommand, shared by all kinds, loads a CSV file of it and reports the outcome.
 */
abstract class OperatorRecordCommand {

    @ParentCommand
    GovcloudCli root;

    /** What the rows are, for the outcome line ("incident records"). */
    abstract String rowsName();

    abstract OperatorRecordsImport.Outcome importFile(OperatorRecordsImport records, Path file, Charset charset);

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Imports a CSV file; a file with any bad row is refused whole, naming each bad line.")
    static class Import implements Callable<Integer> {

        @ParentCommand
        OperatorRecordCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--encoding", defaultValue = "UTF-8",
                description = "The file's encoding (default ${DEFAULT-VALUE}; Excel's CSV is often windows-31j).")
        String encoding;

        @Override
        public Integer call() {
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
                throw Usage.error(spec, "unknown encoding " + encoding);
            }
            return parent.root.withContext(context -> {
                try {
                    OperatorRecordsImport.Outcome outcome = parent.importFile(
                            context.getBean(OperatorRecordsImport.class), file, charset);
                    out.printf("%s: imported %d %s%s%n", file, outcome.imported(), parent.rowsName(),
                            outcome.replaced() > 0 ? " (replacing " + outcome.replaced() + " rows of an earlier import"
                                    + " of this file)" : "");
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
}
