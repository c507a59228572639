package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.Callable;

import jp.govcloudops.config.ReportProperties;
import jp.govcloudops.job.report.ReportLauncher;
import jp.govcloudops.job.report.ReportParameters;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.report.render.ReportFormat;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes the monthly operation report (月次運用報告書) for a month from the store: PDF by default,",
                "or HTML or XLSX; optionally also uploads it to an S3 prefix. A Spring Batch job: after a failure,",
                "run the same command again to resume (a failed upload is retried without rendering again)."})
public class ReportCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month to report (Japan time).")
    YearMonth month;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file. Default: monthly-report-YYYY-MM.<format> in govcloud.report.output-directory"
                    + " (./data/reports).")
    Path out;

    @Option(names = "--format", defaultValue = "pdf", paramLabel = "FORMAT", description = "pdf (default), html or xlsx.")
    ReportFormat format;

    @Option(names = "--s3-prefix", paramLabel = "s3://BUCKET/PREFIX",
            description = "Also upload the file there. Default: govcloud.report.s3-prefix, if set.")
    String s3Prefix;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "PT15M",
            description = "How long to wait for another report run on the same store (default ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return root.withContext(context -> {
            ReportProperties settings = context.getBean(ReportProperties.class);
            Path file = this.out != null ? this.out
                    : settings.outputDirectory().resolve("monthly-report-" + month + "." + format.extension());
            String prefix = s3Prefix != null ? s3Prefix : settings.s3Prefix();
            try {
                ReportLauncher.Outcome outcome = context.getBean(ReportLauncher.class)
                        .run(new ReportParameters(month, format, file, prefix, 1), lockWait);
                if (outcome.execution().getStatus() != BatchStatus.COMPLETED) {
                    out.printf("report FAILED (job execution %d): %s%n", outcome.execution().getId(),
                            outcome.execution().getExitStatus().getExitDescription().lines().findFirst().orElse(""));
                    out.println("Run the same command again to resume where it stopped.");
                    return ExitCodes.FAILURE;
                }
                out.printf("report %s: %s (%d pages, %,d bytes)%s%n", month, outcome.file(), outcome.pages(),
                        outcome.bytes(), outcome.s3() == null ? "" : ", uploaded to " + outcome.s3());
                return ExitCodes.OK;
            } catch (Exception e) {
                out.println("report FAILED: " + root.failure(e));
                return ExitCodes.FAILURE;
            } finally {
                out.flush();
            }
        });
    }
}
