package jp.govcloudops.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;

import jp.govcloudops.records.OperatorRecordsImport;
import picocli.CommandLine.Command;

@Command(name = "inquiry", mixinStandardHelpOptions = true,
        description = {"Inquiry records (問合せ対応): import a CSV file; a stored id is updated.", "Format: docs/operator-records.md."},
        subcommands = {OperatorRecordCommand.Import.class})
public class InquiryCommand extends OperatorRecordCommand {

    @Override
    String rowsName() {
        return "inquiry records";
    }

    @Override
    OperatorRecordsImport.Outcome importFile(OperatorRecordsImport records, Path file, Charset charset) {
        return records.importInquiries(file, charset);
    }
}
