package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs everything on the bundled sample month (sample-data/): ingestion, detections, cost,",
                "notifications (kept in the outbox), operator records and the monthly report, into a separate",
                "store (./data/demo unless --db is given), then prints where the results are. Run it from the",
                "project root."})
public class DemoCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--sample", paramLabel = "DIR", defaultValue = "sample-data",
            description = "The sample directory (default ${DEFAULT-VALUE}).")
    Path sample;

    @Option(names = "--month", paramLabel = "YYYY-MM", defaultValue = "2026-10",
            description = "The sample's month (default ${DEFAULT-VALUE}).")
    YearMonth month;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path config = sample.resolve("config");
        if (!Files.isDirectory(sample.resolve("logs")) || !Files.isRegularFile(config.resolve("application.yml"))) {
            spec.commandLine().getErr().println("No sample at " + sample.toAbsolutePath() + ": run demo from the"
                    + " project root, or give --sample=DIR (generate one with `sample-data`).");
            return ExitCodes.FAILURE;
        }
        if (root.database == null) {
            root.database = "jdbc:h2:file:./data/demo/govcloud;AUTO_SERVER=TRUE";
        }
        List<String> properties = new ArrayList<>(List.of(
                "--spring.config.additional-location=optional:file:" + config.toAbsolutePath() + "/"));
        return root.withContext(context -> run(context, out), properties.toArray(new String[0]));
    }

    private int run(ConfigurableApplicationContext context, PrintWriter out) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        int exit = ExitCodes.OK;
        out.printf("demo: the sample month %s from %s%n", month, sample.toAbsolutePath());
        try {
            List<String> sources = context.getBean(GovcloudProperties.class).sources();
            exit = NightlyCommand.worst(exit, IngestRun.run(context, new IngestParameters(first, last,
                    EnumSet.allOf(LogType.class), Set.of(), false, sources, 1), Duration.ofMinutes(1), out));
            // The month's folder dates hold its JST days from 09:00 on the 1st on; the next month's first folder
            // holds only events of the next month's first JST morning, so it is not read.
            for (NightlyStage stage : context.getBeansOfType(NightlyStage.class).values().stream()
                    .sorted(Comparator.comparingInt(NightlyStage::getOrder)).toList()) {
                exit = NightlyCommand.worst(exit, stage.runRange(first, last, out));
            }
        } catch (Exception e) {
            out.println("demo FAILED: " + GovcloudCli.rootMessage(e));
            return ExitCodes.FAILURE;
        }
        String db = context.getEnvironment().getProperty("spring.datasource.url");
        java.util.List<Path> mails;
        try {
            mails = context.getBean(jp.govcloudops.notify.OutboxFiles.class).writeUnsent(Path.of("data/demo/mail"));
        } catch (java.io.IOException e) {
            out.println("demo FAILED: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        out.println();
        out.println("Results:");
        out.println("  store          " + db);
        if (!mails.isEmpty()) {
            out.println("  mail           " + mails.size() + " notifications (no SMTP server in the demo) written to "
                    + Path.of("data/demo/mail").toAbsolutePath());
        }
        out.println("  query it       java -jar target/govcloud-ops.jar --db='" + db + "' query \"SELECT day,"
                + " account_id, SUM(events) FROM cloudtrail_daily GROUP BY day, account_id ORDER BY 1, 2\"");
        out.println("  status         java -jar target/govcloud-ops.jar --db='" + db + "' status --from=" + first
                + " --to=" + last.plusDays(1));
        out.println("  findings       java -jar target/govcloud-ops.jar --db='" + db + "' findings list --from=" + first
                + " --to=" + last.plusDays(1) + " --severity=MEDIUM");
        out.flush();
        // Notifications waiting for an SMTP server are expected in the demo: they are in the files above.
        return exit == ExitCodes.FAILURE ? ExitCodes.FAILURE : ExitCodes.OK;
    }
}
