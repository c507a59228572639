package jp.govcloudops.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.report.document.Block;
import jp.govcloudops.report.document.ReportDocument;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The templates, the font extension and the renderer, without a store: a small document read back from the PDF. */
class ReportRendererTest {

    private final ReportTemplates templates = new ReportTemplates();
    private final ReportRenderer renderer = new ReportRenderer(templates);

    static ReportDocument sample() {
        List<Section> sections = new ArrayList<>();
        Section toc = new Section(null, "目次");
        sections.add(toc);
        Section first = new Section("1", "総括");
        first.paragraph("当月の運用は概ね順調に推移した。ログ収集は全アカウントで欠損なし（令和8年10月分）。");
        first.subsection("主要指標");
        Table table = new Table(Table.Column.text("項目", 4), Table.Column.number("当月", 2),
                Table.Column.number("前月", 2), Table.Column.number("増減", 2));
        table.row("CloudTrail イベント数", "12,345", "11,000", "+1,345");
        table.totalRow("合計", "12,345", "11,000", "+1,345");
        first.table(table, "該当なし");
        ReportCharts.Series series = new ReportCharts.Series(List.of("1", "2", "3"));
        series.add("庁内/LGCS", "1", 3).add("庁内/LGCS", "2", 5).add("インターネット", "3", 2);
        first.chart(ReportCharts.lines("日次通信量（バイト）", "GB", series));
        Section second = new Section("2", "障害・インシデント対応状況");
        second.table(new Table(Table.Column.text("ID", 1)), "該当なし（当月に記録された障害・インシデントはない）");
        sections.add(first);
        sections.add(second);
        toc.add(new Block.TocEntry(first.heading(), first.anchor()));
        toc.add(new Block.TocEntry(second.heading(), second.anchor()));
        toc.add(new Block.PageBreak());
        return new ReportDocument(new ReportDocument.Cover("令和8年度 ガバメントクラウドネットワーク運用管理補助業務",
                "月次運用報告書", "（令和8年10月分）", "対象期間：令和8年10月1日〜令和8年10月31日", "高知県 御中",
                "株式会社サンプル", "令和8年11月5日", "月次運用報告書（令和8年10月分）", "注記"), sections);
    }

    @Test
    void rendersJapaneseTextSelectableWithTheFontEmbedded() throws Exception {
        JasperPrint print = renderer.fill(sample(), ReportFormat.PDF);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        renderer.export(print, ReportFormat.PDF, pdf);
        java.nio.file.Files.write(java.nio.file.Path.of("target/renderer-sample.pdf"), pdf.toByteArray());
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("月次運用報告書", "令和8年度 ガバメントクラウドネットワーク運用管理補助業務",
                    "1　総括", "1.1　主要指標", "CloudTrail イベント数", "12,345",
                    "該当なし（当月に記録された障害・インシデントはない）");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.getName()).contains("NotoSansJP");
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getCOSObject().getNameAsString(org.apache.pdfbox.cos.COSName.ENCODING))
                        .isEqualTo("Identity-H");
            });
        }
    }

    /**
     * Texts that used to wrap badly, in narrow cells and long paragraphs, read back line by line from the PDF: no line
     * starts with closing punctuation or ends with an opening bracket, and no region, account id, date or katakana
     * word is split.
     */
    @Test
    void wrapsJapaneseTextByItsRulesAndKeepsIdentifiersWhole() throws Exception {
        List<Section> sections = new ArrayList<>();
        Section section = new Section("1", "総括");
        String sentence = "ログは 4 アカウントから受信し、CloudTrail イベント 15,246 件、フローログ 61,611 件を取り込んだ。"
                + "対象は ap-northeast-3 及び arn:aws:iam::318274650192:role/GovCloudDeployRole による変更（2026-10-13）。";
        for (int i = 0; i < 6; i++) {
            section.paragraph(sentence.substring(i));
        }
        Table narrow = new Table(Table.Column.text("当月の収集ログ", 2), Table.Column.text("リージョン", 2),
                Table.Column.text("実行主体", 3), Table.Column.text("内容", 2), Table.Column.text("重要度", 2));
        for (int i = 0; i < 4; i++) {
            narrow.row("CloudTrail・Insights・フローログ", "ap-northeast-1, ap-northeast-3",
                    "arn:aws:iam::318274650192:role/Deploy" + "x".repeat(i), "対応中（3/31(水)）" + "。".repeat(i % 2),
                    "INFORMATIONAL");
        }
        section.table(narrow, "該当なし");
        sections.add(section);
        ReportDocument document = new ReportDocument(sample().cover(), sections);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        renderer.export(renderer.fill(document, ReportFormat.PDF), ReportFormat.PDF, pdf);
        try (PDDocument read = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(read);
            List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            assertThat(lines).noneMatch(l -> "。、）」』】，．ー".indexOf(l.charAt(0)) >= 0)
                    .noneMatch(l -> "（「『【".indexOf(l.charAt(l.length() - 1)) >= 0)
                    .noneMatch(l -> l.endsWith("ap-") || l.endsWith("ap-northeast-") || l.endsWith("2026-"))
                    .noneMatch(l -> l.endsWith("フロ") || l.endsWith("フ"))
                    .noneMatch(l -> l.matches(".*\\d{5,11}") && !l.matches(".*\\b\\d{12}"));
            assertThat(text.replaceAll("\\s+", "")).contains("arn:aws:iam::318274650192:role/GovCloudDeployRole");
            assertThat(text).contains("ap-northeast-3", "318274650192", "2026-10-13", "フローログ", "INFORMATIONAL")
                    .doesNotContain("\uFEFF");
        }
    }

    @Test
    void tableOfContentsGivesTheSectionPages() throws Exception {
        JasperPrint print = renderer.fill(sample(), ReportFormat.PDF);
        var pages = ReportRenderer.anchorPages(print);
        assertThat(pages).containsKeys("section-1", "section-2");
        assertThat(Integer.parseInt(pages.get("section-1"))).isGreaterThanOrEqualTo(3);
    }

    @Test
    void htmlAndXlsxExportsCarryTheText() throws Exception {
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        renderer.export(renderer.fill(sample(), ReportFormat.HTML), ReportFormat.HTML, html);
        assertThat(html.toString(StandardCharsets.UTF_8)).contains("総括", "CloudTrail イベント数", "data:image/png;base64");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        renderer.export(renderer.fill(sample(), ReportFormat.XLSX), ReportFormat.XLSX, xlsx);
        assertThat(xlsx.toByteArray()).startsWith('P', 'K');
    }

    @Test
    void aTemplateExpressionThatNeedsJavaIsRefused() throws Exception {
        JasperDesign design = net.sf.jasperreports.engine.xml.JRXmlLoader.load(templates.context(),
                getClass().getClassLoader().getResourceAsStream(ReportTemplates.TABLE));
        JRDesignTextField field = (JRDesignTextField) ((net.sf.jasperreports.engine.JRBand) design.getGroupsList().get(0).getGroupHeaderSection().getBands()[0])
                .getElementByKey("h1");
        field.setExpression(new JRDesignExpression("$P{h1}.toUpperCase()"));
        assertThatThrownBy(() -> net.sf.jasperreports.engine.JasperCompileManager.getInstance(templates.context())
                .compile(design)).hasMessageContaining("plain $F");
    }
}
