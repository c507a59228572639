package jp.govcloudops.report.render;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.govcloudops.report.document.Table;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRElement;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignElement;
import net.sf.jasperreports.engine.design.JRDesignTextElement;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import org.springframework.stereotype.Component;

/**
 * The JRXML templates under {@code reports/} (packaged on the classpath), compiled at run time with
 * {@link DirectOnlyCompiler}. The table template is laid out per column geometry: its cell elements are placed
 * and sized from the table's column weights, and each geometry is compiled once and kept.
 */
@Component
public class ReportTemplates {

    static final String MAIN = "reports/monthly-report.jrxml";
    static final String TABLE = "reports/table.jrxml";

    private final SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
    private final Map<String, JasperReport> tables = new ConcurrentHashMap<>();
    private volatile JasperReport main;

    public ReportTemplates() {
        context.setProperty("net.sf.jasperreports.compiler.java", DirectOnlyCompiler.class.getName());
        // The PDF exporter wraps each text again; by default with the PDF library's own rule, which breaks Japanese
        // text anywhere (a line may start with 。 or ）, 「フロ」「ーログ」). Forced to java.text.BreakIterator's
        // line breaks, it wraps as the fill measured: 。、） stay with the text before them.
        context.setProperty("net.sf.jasperreports.export.pdf.force.linebreak.policy", "true");
    }

    public SimpleJasperReportsContext context() {
        return context;
    }

    public JasperReport main() {
        JasperReport report = main;
        if (report == null) {
            report = compile(load(MAIN));
            main = report;
        }
        return report;
    }

    public JasperReport table(Table table) {
        return tables.computeIfAbsent(table.layoutKey(), key -> compile(layOut(load(TABLE), table.columns())));
    }

    private JasperDesign load(String resource) {
        try (InputStream in = ReportTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("report template " + resource + " is not on the classpath");
            }
            return JRXmlLoader.load(context, in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("cannot load report template " + resource + ": " + e.getMessage(), e);
        }
    }

    private JasperReport compile(JasperDesign design) {
        try {
            return JasperCompileManager.getInstance(context).compile(design);
        } catch (JRException e) {
            throw new IllegalStateException("cannot compile report template " + design.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Places the header cells h1..hN and body cells c1..cN by the columns' weights; removes the rest. */
    static JasperDesign layOut(JasperDesign design, List<Table.Column> columns) {
        JRDesignBand header = (JRDesignBand) design.getGroupsList().get(0).getGroupHeaderSection().getBands()[0];
        JRDesignBand detail = (JRDesignBand) design.getDetailSection().getBands()[0];
        int width = design.getColumnWidth();
        int totalWeight = columns.stream().mapToInt(Table.Column::weight).sum();
        int x = 0;
        for (int i = 1; i <= Table.MAX_COLUMNS; i++) {
            JRDesignElement head = element(header, "h" + i);
            JRDesignElement cell = element(detail, "c" + i);
            if (i > columns.size()) {
                header.removeElement(head);
                detail.removeElement(cell);
                continue;
            }
            Table.Column column = columns.get(i - 1);
            int w = i == columns.size() ? width - x : Math.round((float) width * column.weight() / totalWeight);
            for (JRDesignElement e : List.of(head, cell)) {
                e.setX(x);
                e.setWidth(w);
            }
            ((JRDesignTextElement) cell).setHorizontalTextAlign(switch (column.align()) {
                case LEFT -> HorizontalTextAlignEnum.LEFT;
                case CENTER -> HorizontalTextAlignEnum.CENTER;
                case RIGHT -> HorizontalTextAlignEnum.RIGHT;
            });
            ((JRDesignTextElement) head).setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
            x += w;
        }
        return design;
    }

    private static JRDesignElement element(JRDesignBand band, String key) {
        JRElement element = band.getElementByKey(key);
        if (element == null) {
            throw new IllegalStateException("table template lacks the element keyed " + key);
        }
        return (JRDesignElement) element;
    }
}
