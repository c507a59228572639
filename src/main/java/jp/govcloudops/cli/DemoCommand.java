package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jp.govcloudops.job.report.ReportLauncher;
import jp.govcloudops.job.report.ReportParameters;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.pipeline.Pipelines;
import jp.govcloudops.records.OperatorRecordsImport;
import jp.govcloudops.report.render.ReportFormat;
import org.springframework.batch.core.BatchStatus;
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

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "data/demo",
            description = "Where the store (unless --db is given), the waiting mails and the report go (default"
                    + " ${DEFAULT-VALUE}).")
    Path outDir;

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
            root.database = "jdbc:h2:file:" + (outDir.isAbsolute() ? "" : "./") + outDir.resolve("govcloud").toString()
                    .replace('\\', '/') + ";AUTO_SERVER=TRUE";
        }
        List<String> properties = new ArrayList<>(List.of(
                "--spring.config.additional-location=optional:file:" + config.toAbsolutePath() + "/"));
        return root.withContext(context -> run(context, out), properties.toArray(new String[0]));
    }

    /** The sample's operator records (records/), if it has them: effort files first, then the others. */
    private void importRecords(ConfigurableApplicationContext context, PrintWriter out) throws java.io.IOException {
        Path records = sample.resolve("records");
        if (!Files.isDirectory(records)) {
            out.println("records: none in " + records + " (the report's effort, incident, inquiry and risk sections stay empty)");
            return;
        }
        OperatorRecordsImport imports = context.getBean(OperatorRecordsImport.class);
        List<Path> effort;
        try (var files = Files.list(records)) {
            effort = files.filter(f -> f.getFileName().toString().matches("effort-.*\\.csv")).sorted().toList();
        }
        for (Path file : effort) {
            out.printf("records: %s, %d work-effort rows%n", file, imports.importEffort(file, StandardCharsets.UTF_8).imported());
        }
        if (Files.isRegularFile(records.resolve("incidents.csv"))) {
            out.printf("records: %d incidents%n", imports.importIncidents(records.resolve("incidents.csv"),
                    StandardCharsets.UTF_8).imported());
        }
        if (Files.isRegularFile(records.resolve("inquiries.csv"))) {
            out.printf("records: %d inquiries%n", imports.importInquiries(records.resolve("inquiries.csv"),
                    StandardCharsets.UTF_8).imported());
        }
        if (Files.isRegularFile(records.resolve("risks.csv"))) {
            out.printf("records: %d risks%n", imports.importRisks(records.resolve("risks.csv"), StandardCharsets.UTF_8)
                    .imported());
        }
    }

    private int run(ConfigurableApplicationContext context, PrintWriter out) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        int exit = ExitCodes.OK;
        out.printf("demo: the sample month %s from %s%n", month, sample.toAbsolutePath());
        try {
            // The month's folder dates hold its JST days from 09:00 on the 1st on; the next month's first folder
            // holds only events of the next month's first JST morning, so it is not read.
            exit = context.getBean(Pipelines.class).runNightlyRange(first, last, Duration.ofMinutes(1), out);
        } catch (Exception e) {
            out.println("demo FAILED: " + root.failure(e));
            return ExitCodes.FAILURE;
        }
        Path report = outDir.resolve("reports").resolve("monthly-report-" + month + ".pdf");
        try {
            // After detection: the records name their findings by reference, which needs the findings.
            importRecords(context, out);
            ReportLauncher.Outcome outcome = context.getBean(ReportLauncher.class)
                    .run(new ReportParameters(month, ReportFormat.PDF, report, "", 1), Duration.ofMinutes(15));
            if (outcome.execution().getStatus() != BatchStatus.COMPLETED) {
                out.println("demo FAILED: report " + outcome.execution().getExitStatus().getExitDescription().lines()
                        .findFirst().orElse(""));
                return ExitCodes.FAILURE;
            }
            out.printf("report %s: %s (%d pages)%n", month, report, outcome.pages());
        } catch (Exception e) {
            out.println("demo FAILED: " + root.failure(e));
            return ExitCodes.FAILURE;
        }
        String db = context.getEnvironment().getProperty("spring.datasource.url");
        java.util.List<Path> mails;
        try {
            mails = context.getBean(jp.govcloudops.notify.OutboxFiles.class).writeUnsent(outDir.resolve("mail"));
        } catch (java.io.IOException e) {
            out.println("demo FAILED: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        out.println();
        out.println("Results:");
        out.println("  report         " + report.toAbsolutePath());
        out.println("  store          " + db);
        if (!mails.isEmpty()) {
            out.println("  mail           " + mails.size() + " notifications (no SMTP server in the demo) written to "
                    + outDir.resolve("mail").toAbsolutePath());
        }
        out.println("  query it       java -jar target/govcloud-ops.jar --db='" + db + "' query \"SELECT day,"
                + " account_id, SUM(events) FROM cloudtrail_daily GROUP BY day, account_id ORDER BY 1, 2\"");
        out.println("  status         java -jar target/govcloud-ops.jar --db='" + db + "' status --from=" + first
                + " --to=" + last.plusDays(1));
        out.println("  findings       java -jar target/govcloud-ops.jar --db='" + db + "' findings list --from=" + first
                + " --to=" + last.plusDays(1) + " --severity=MEDIUM");
        // The report's cover, team and thresholds come from the sample's settings, which the demo loads itself; a
        // command run by hand reads them only when told where they are.
        out.println("  HTML / XLSX    SPRING_CONFIG_ADDITIONAL_LOCATION=" + sample.resolve("config").toAbsolutePath() + "/"
                + " java -jar target/govcloud-ops.jar --db='" + db + "' report --month=" + month + " --format=html");
        out.flush();
        // Notifications waiting for an SMTP server are expected in the demo: they are in the files above.
        return exit == ExitCodes.FAILURE ? ExitCodes.FAILURE : ExitCodes.OK;
    }
}
