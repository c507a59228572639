package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import jp.govcloudops.config.CostProperties;
import jp.govcloudops.cost.alert.CostCheckReport;
import jp.govcloudops.cost.alert.CostThresholdCheck;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.pipeline.MailStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "cost-check", mixinStandardHelpOptions = true,
        description = {"Checks every account's cost thresholds (govcloud.cost.accounts) for the month of D, with",
                "the cost days (UTC) up to D, queues a Japanese notice for each newly crossed threshold (once per",
                "account, month and rule) and sends the outbox."})
public class CostCheckCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--date", paramLabel = "D", description = "The cost day (UTC). Default: today (UTC), i.e. all"
            + " data of the current month.")
    LocalDate date;

    @Override
    public Integer call() {
        LocalDate day = date != null ? date : LocalDate.now(ZoneOffset.UTC);
        PrintWriter out = spec.commandLine().getOut();
        return root.withContext(context -> {
            try {
                if (context.getBean(CostProperties.class).accounts().isEmpty()) {
                    out.println("cost-check: no accounts in govcloud.cost.accounts; nothing to check");
                    return ExitCodes.OK;
                }
                CostCheckReport.print(context.getBean(CostThresholdCheck.class).run(day), out);
                return context.getBean(MailStage.class).run(day, out);
            } catch (Exception e) {
                out.println("cost-check FAILED: " + root.failure(e));
                return ExitCodes.FAILURE;
            } finally {
                out.flush();
            }
        });
    }
}
