package jp.govcloudops.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.ReportProperties;
import jp.govcloudops.records.ServiceWindow;
import jp.govcloudops.report.document.Block;
import jp.govcloudops.report.document.ReportDocument;
import jp.govcloudops.report.document.Section;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds the whole monthly report document: cover, table of contents, sections 1–12 and the appendix. */
@Component
public class MonthlyReportBuilder {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MonthlyReportBuilder.class);

    private final List<SectionWriter> sections;
    private final JdbcTemplate jdbc;
    private final StoreSchema schema;
    private final GovcloudProperties settings;
    private final ReportProperties report;
    private final ServiceWindow serviceWindow;

    /** {@code sections} arrive in their {@code @Order}, which is the section number. */
    public MonthlyReportBuilder(List<SectionWriter> sections, JdbcTemplate jdbc, StoreSchema schema,
            GovcloudProperties settings, ReportProperties report, ServiceWindow serviceWindow) {
        this.sections = sections;
        this.jdbc = jdbc;
        this.schema = schema;
        this.settings = settings;
        this.report = report;
        this.serviceWindow = serviceWindow;
    }

    public ReportContext context(YearMonth month, LocalDate today) {
        return new ReportContext(month, settings.zone(), today, jdbc, schema, settings, report, serviceWindow,
                schema.offsetHours(),
                new java.util.HashMap<>());
    }

    public ReportDocument build(ReportContext c) {
        List<Section> body = new ArrayList<>();
        for (SectionWriter writer : sections) {
            long started = System.nanoTime();
            Section section = writer.write(c);
            log.debug("Section {} built in {} ms", section.heading(), (System.nanoTime() - started) / 1_000_000);
            if (section.number() == null && !body.isEmpty()) {
                lastBlockBefore(body).add(new Block.PageBreak());
            }
            body.add(section);
        }
        Section toc = new Section(null, "目次");
        for (Section section : body) {
            toc.add(new Block.TocEntry(section.heading(), section.anchor()));
        }
        toc.add(new Block.PageBreak());
        List<Section> all = new ArrayList<>();
        all.add(toc);
        all.addAll(body);
        String period = "（" + Wareki.month(c.month()) + "分）";
        ReportDocument.Cover cover = new ReportDocument.Cover(
                Wareki.fiscalYear(c.month()) + " " + report.contractTitle(),
                "月次運用報告書", period,
                "対象期間：" + Wareki.date(c.first()) + "〜" + Wareki.date(c.last()) + "（日本時間）",
                report.recipient(), report.contractor(), Wareki.date(c.today()),
                Wareki.fiscalYear(c.month()) + " 月次運用報告書" + period,
                "本報告書の数値は govcloud-ops のストアに記録されたログ集計・作業記録から作成した。利用料は概算であり、確定額は請求書による。");
        return new ReportDocument(cover, all);
    }

    private static Section lastBlockBefore(List<Section> body) {
        return body.get(body.size() - 1);
    }
}
