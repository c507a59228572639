package jp.govcloudops.report.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jp.govcloudops.report.document.Block;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The report body as the main template reads it: one row per block, carrying the section and subsection it belongs
 * to (the template's groups print their headings) and one flag per block kind (each kind has its own band).
 */
final class BlockRows implements JRDataSource {

    private record Row(Section section, Section.Subsection part, int partIndex, Block block) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final ReportTemplates templates;
    private final Map<String, String> tocPages;
    private final UnaryOperator<String> text;
    private int position = -1;

    /** {@code text} prepares every text for the output format (see {@link LineBreakJoiner}). */
    BlockRows(List<Section> sections, ReportTemplates templates, Map<String, String> tocPages, UnaryOperator<String> text) {
        this.templates = templates;
        this.tocPages = tocPages;
        this.text = text;
        for (Section section : sections) {
            for (int i = 0; i < section.parts().size(); i++) {
                Section.Subsection part = section.parts().get(i);
                for (Block block : part.blocks()) {
                    rows.add(new Row(section, part, i, block));
                }
            }
        }
    }

    @Override
    public boolean next() {
        position++;
        return position < rows.size();
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        Row row = rows.get(position);
        Block block = row.block();
        return switch (field.getName()) {
            case "sectionKey" -> row.section().anchor();
            case "sectionTitle" -> row.section().heading();
            case "sectionAnchor" -> row.section().anchor();
            case "hasSectionTitle" -> Boolean.TRUE;
            case "subsectionKey" -> row.section().anchor() + "/" + row.partIndex();
            case "subsectionTitle" -> row.part().title();
            case "subsectionAnchor" -> row.part().anchor();
            case "hasSubsectionTitle" -> row.part().title() != null;
            case "isParagraph" -> block instanceof Block.Paragraph;
            case "isNone" -> block instanceof Block.None;
            case "isNote" -> block instanceof Block.Note;
            case "isTable" -> block instanceof Block.TableBlock;
            case "isChart" -> block instanceof Block.Chart;
            case "isBreak" -> block instanceof Block.PageBreak;
            case "isTocEntry" -> block instanceof Block.TocEntry;
            case "text" -> text.apply(text(block));
            case "tocTarget" -> block instanceof Block.TocEntry t ? t.target() : null;
            case "tocPage" -> block instanceof Block.TocEntry t ? tocPages.getOrDefault(t.target(), "") : null;
            case "table" -> block instanceof Block.TableBlock t ? templates.table(t.table()) : null;
            case "tableRows" -> block instanceof Block.TableBlock t ? new TableRows(t.table(), text) : null;
            case "tableParameters" -> block instanceof Block.TableBlock t ? headers(t.table()) : null;
            case "chart" -> block instanceof Block.Chart c ? c.png() : null;
            default -> throw new JRException("unknown field " + field.getName() + " in the report template",
                    (Object[]) null);
        };
    }

    private static String text(Block block) {
        if (block instanceof Block.Paragraph p) {
            return p.text();
        }
        if (block instanceof Block.None n) {
            return n.text();
        }
        if (block instanceof Block.Note n) {
            return n.text();
        }
        return block instanceof Block.TocEntry t ? t.text() : null;
    }

    private Map<String, Object> headers(Table table) {
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
            parameters.put("h" + (i + 1), text.apply(table.columns().get(i).header()));
        }
        return parameters;
    }
}
