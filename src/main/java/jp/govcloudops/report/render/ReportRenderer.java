package jp.govcloudops.report.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jp.govcloudops.report.document.ReportDocument;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRPrintAnchor;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.HtmlExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleHtmlExporterOutput;
import net.sf.jasperreports.export.SimpleHtmlReportConfiguration;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.springframework.stereotype.Component;

/**
 * Fills the templates with a {@link ReportDocument} and writes PDF, HTML or XLSX. The document is filled twice: the
 * first pass finds the page of every section anchor, the second prints those pages in the table of contents (whose
 * length does not change between the passes, so neither do the pages).
 */
@Component
public class ReportRenderer {

    private final ReportTemplates templates;

    public ReportRenderer(ReportTemplates templates) {
        this.templates = templates;
    }

    /** Fills the templates for one output format (the PDF's texts are prepared for its line breaking). */
    public JasperPrint fill(ReportDocument document, ReportFormat format) throws JRException {
        UnaryOperator<String> text = format == ReportFormat.PDF ? LineBreakJoiner::join : UnaryOperator.identity();
        JasperPrint first = fillOnce(document, Map.of(), text);
        return fillOnce(document, anchorPages(first), text);
    }

    private JasperPrint fillOnce(ReportDocument document, Map<String, String> tocPages, UnaryOperator<String> text)
            throws JRException {
        ReportDocument.Cover cover = document.cover();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("fiscalYearTitle", cover.fiscalYearTitle());
        parameters.put("documentTitle", cover.documentTitle());
        parameters.put("periodTitle", cover.periodTitle());
        parameters.put("periodText", cover.periodText());
        parameters.put("recipient", cover.recipient());
        parameters.put("contractor", cover.contractor());
        parameters.put("issuedOn", cover.issuedOn());
        parameters.put("runningTitle", cover.runningTitle());
        parameters.put("coverNote", cover.note());
        parameters.put(JRParameter.REPORT_LOCALE, java.util.Locale.JAPAN);
        JasperPrint print = JasperFillManager.getInstance(templates.context()).fill(templates.main(), parameters,
                new BlockRows(document.sections(), templates, tocPages, text));
        print.setName(cover.documentTitle() + cover.periodTitle());
        return print;
    }

    /** Page number (1-based, as printed) of every named anchor. */
    static Map<String, String> anchorPages(JasperPrint print) {
        Map<String, String> pages = new HashMap<>();
        List<JRPrintPage> all = print.getPages();
        for (int i = 0; i < all.size(); i++) {
            collect(all.get(i).getElements(), String.valueOf(i + 1), pages);
        }
        return pages;
    }

    private static void collect(List<JRPrintElement> elements, String page, Map<String, String> pages) {
        for (JRPrintElement element : elements) {
            if (element instanceof JRPrintAnchor anchor && anchor.getAnchorName() != null) {
                pages.putIfAbsent(anchor.getAnchorName(), page);
            }
            if (element instanceof JRPrintFrame frame) {
                collect(frame.getElements(), page, pages);
            }
        }
    }

    public void export(JasperPrint print, ReportFormat format, OutputStream out) throws JRException, IOException {
        switch (format) {
            case PDF -> {
                JRPdfExporter exporter = new JRPdfExporter(templates.context());
                exporter.setExporterInput(new SimpleExporterInput(print));
                SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
                configuration.setMetadataTitle(print.getName());
                configuration.setMetadataCreator("govcloud-ops");
                configuration.setDisplayMetadataTitle(true);
                configuration.setTagged(true);
                configuration.setTagLanguage("ja");
                exporter.setConfiguration(configuration);
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                exporter.exportReport();
            }
            case HTML -> {
                HtmlExporter exporter = new HtmlExporter(templates.context());
                exporter.setExporterInput(new SimpleExporterInput(print));
                SimpleHtmlReportConfiguration configuration = new SimpleHtmlReportConfiguration();
                configuration.setEmbedImage(true);
                exporter.setConfiguration(configuration);
                exporter.setExporterOutput(new SimpleHtmlExporterOutput(out, "UTF-8"));
                exporter.exportReport();
            }
            case XLSX -> {
                JRXlsxExporter exporter = new JRXlsxExporter(templates.context());
                exporter.setExporterInput(new SimpleExporterInput(print));
                SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
                configuration.setOnePagePerSheet(false);
                configuration.setRemoveEmptySpaceBetweenRows(true);
                configuration.setDetectCellType(true);
                configuration.setWhitePageBackground(false);
                configuration.setSheetNames(new String[] {"月次運用報告書"});
                exporter.setConfiguration(configuration);
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                exporter.exportReport();
            }
        }
    }
}
