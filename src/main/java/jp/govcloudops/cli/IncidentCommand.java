package jp.govcloudops.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;

import jp.govcloudops.records.OperatorRecordsImport;
import picocli.CommandLine.Command;

@Command(name = "incident", mixinStandardHelpOptions = true,
        description = {"Incident records (障害・インシデント): import a CSV file; a stored id is updated.", "Format: docs/operator-records.md."},
        subcommands = {OperatorRecordCommand.Import.class})
public class IncidentCommand extends OperatorRecordCommand {

    @Override
    String rowsName() {
        return "incident records";
    }

    @Override
    OperatorRecordsImport.Outcome importFile(OperatorRecordsImport records, Path file, Charset charset) {
        return records.importIncidents(file, charset);
    }
}
