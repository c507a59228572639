package jp.govcloudops.cli;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.Callable;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.records.OperatorRecordsImport;
import jp.govcloudops.records.WorkCategory;
import jp.govcloudops.records.WorkEffort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "effort", mixinStandardHelpOptions = true,
        description = {"Work effort records (作業実績) for the monthly report: import a CSV file or add one entry.",
                "Importing a file with the same name again replaces its earlier rows.",
                "Formats: docs/operator-records.md."},
        subcommands = {OperatorRecordCommand.Import.class, EffortCommand.Add.class})
public class EffortCommand extends OperatorRecordCommand {

    @Override
    String rowsName() {
        return "work-effort rows";
    }

    @Override
    OperatorRecordsImport.Outcome importFile(OperatorRecordsImport records, Path file, Charset charset) {
        return records.importEffort(file, charset);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds one work-effort entry.")
    static class Add implements Callable<Integer> {

        @ParentCommand
        EffortCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--date", required = true, paramLabel = "D", description = "Japan date of the work.")
        LocalDate date;

        @Option(names = "--start", paramLabel = "HH:MM", description = "Japan start time (splits hours by 受付時間).")
        LocalTime start;

        @Option(names = "--hours", required = true, paramLabel = "H", description = "Hours, e.g. 1.5.")
        BigDecimal hours;

        @Option(names = "--category", required = true, paramLabel = "CATEGORY",
                description = "定常監視, アラート対応, 障害対応, セキュリティ分析, テンプレート適用, 構成・コストレビュー, 報告書作成,"
                        + " 会議 or 問合せ対応.")
        WorkCategory category;

        @Option(names = "--person", required = true, paramLabel = "NAME")
        String person;

        @Option(names = "--finding", paramLabel = "ID", description = "The finding the work was spent on.")
        Long findingId;

        @Option(names = "--note", paramLabel = "TEXT")
        String note;

        @Override
        public Integer call() {
            if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0 || hours.scale() > 2) {
                throw Usage.error(spec, "--hours must be more than 0 and at most 24, with at most two decimals, not "
                        + hours.toPlainString());
            }
            WorkEffort effort = new WorkEffort(date, start, hours.setScale(2), category, person, findingId, null, note, 0);
            return parent.root.withContext(context -> {
                context.getBean(OperatorRecordsImport.class).addEffort(effort);
                spec.commandLine().getOut().printf("added %s %s %s h %s%n", date, category.label(), hours, person);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            });
        }
    }
}
