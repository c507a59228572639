package jp.govcloudops.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "risk", mixinStandardHelpOptions = true,
        description = {"The risk register (課題・リスク): import a CSV file; a stored id is updated.", "Format: docs/operator-records.md."},
        subcommands = {RiskCommand.Import.class})
public class RiskCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.FAILURE;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Imports a CSV file; a file with any bad row is refused whole, naming each bad line.")
    static class Import implements Callable<Integer> {

        @ParentCommand
        RiskCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--encoding", defaultValue = "UTF-8",
                description = "The file's encoding (default ${DEFAULT-VALUE}; Excel's CSV is often windows-31j).")
        String encoding;

        @Override
        public Integer call() {
            return RecordImports.run(parent.root, spec, "risks", file, encoding,
                    (records, charset) -> records.importRisks(file, charset));
        }
    }
}
