package jp.govcloudops.job.report;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

import jp.govcloudops.config.FileModes;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.report.MonthlyReportBuilder;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.StoreStatistics;
import jp.govcloudops.report.document.ReportDocument;
import jp.govcloudops.report.render.ReportRenderer;
import net.sf.jasperreports.engine.JasperPrint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Queries the store, builds the report and writes the file. The file appears whole or not at all: it is written
 * next to its destination and moved into place, so a crash never leaves a truncated report under the real name.
 */
@Component
public class RenderReportTasklet implements Tasklet {

    static final String FILE = "report.file";
    static final String BYTES = "report.bytes";
    static final String PAGES = "report.pages";
    private static final Logger log = LoggerFactory.getLogger(RenderReportTasklet.class);

    private final MonthlyReportBuilder builder;
    private final ReportRenderer renderer;
    private final GovcloudProperties settings;
    private final StoreStatistics statistics;
    private final FileModes files;

    public RenderReportTasklet(MonthlyReportBuilder builder, ReportRenderer renderer, GovcloudProperties settings,
            StoreStatistics statistics, FileModes files) {
        this.builder = builder;
        this.renderer = renderer;
        this.settings = settings;
        this.statistics = statistics;
        this.files = files;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        ReportParameters parameters = ReportParameters.of(chunk.getStepContext().getStepExecution().getJobParameters());
        long started = System.nanoTime();
        statistics.refresh();
        ReportContext context = builder.context(parameters.month(), LocalDate.now(settings.zone()));
        ReportDocument document = builder.build(context);
        long queried = System.nanoTime();
        JasperPrint print = renderer.fill(document, parameters.format());
        log.debug("Filled in {} ms", (System.nanoTime() - queried) / 1_000_000);
        Path out = parameters.out();
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (OutputStream stream = files.newOutputStream(partial)) {
            renderer.export(print, parameters.format(), stream);
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long done = System.nanoTime();
        ExecutionContext jobContext = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        jobContext.putString(FILE, out.toString());
        jobContext.putLong(BYTES, Files.size(out));
        jobContext.putInt(PAGES, print.getPages().size());
        contribution.incrementWriteCount(1);
        log.info("Report {} written: {} pages, {} bytes (queries {} ms, rendering {} ms)", out, print.getPages().size(),
                Files.size(out), (queried - started) / 1_000_000, (done - queried) / 1_000_000);
        return RepeatStatus.FINISHED;
    }
}
