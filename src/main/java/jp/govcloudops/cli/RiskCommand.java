package jp.govcloudops.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;

import jp.govcloudops.records.OperatorRecordsImport;
import picocli.CommandLine.Command;

@Command(name = "risk", mixinStandardHelpOptions = true,
        description = {"The risk register (課題・リスク): import a CSV file; a stored id is updated.", "Format: docs/operator-records.md."},
        subcommands = {OperatorRecordCommand.Import.class})
public class RiskCommand extends OperatorRecordCommand {

    @Override
    String rowsName() {
        return "risks";
    }

    @Override
    OperatorRecordsImport.Outcome importFile(OperatorRecordsImport records, Path file, Charset charset) {
        return records.importRisks(file, charset);
    }
}
