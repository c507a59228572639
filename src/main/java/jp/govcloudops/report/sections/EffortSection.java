package jp.govcloudops.report.sections;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.records.WorkCategory;
import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.EffortQuery;
import jp.govcloudops.report.query.Findings;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import jp.govcloudops.report.render.ReportCharts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 11 作業実績（作業工数）: person-hours by work category and by person, inside and outside 受付時間 (split at import
 * and stored, so these are plain sums over work_effort), and the effort spent on findings.
 */
@Component
@Order(11)
public class EffortSection implements SectionWriter {

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("11", "作業実績（作業工数）");
        List<EffortQuery.Hours> rows = EffortQuery.byCategory(c);
        if (rows.isEmpty()) {
            s.none("該当なし（当月の作業実績は記録されていない：effort import / effort add）");
            return s;
        }
        Map<String, EffortQuery.Hours> byCategory = new HashMap<>();
        rows.forEach(r -> byCategory.put(r.key(), r));
        s.subsection("作業区分別の工数");
        Table table = new Table(Column.text("作業区分", 4), Column.number("件数", 2), Column.number("受付時間内", 2),
                Column.number("受付時間外", 2), Column.number("合計（人時）", 2), Column.number("構成比", 2));
        BigDecimal inside = BigDecimal.ZERO;
        BigDecimal outside = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        long entries = 0;
        for (EffortQuery.Hours r : rows) {
            total = total.add(r.hours());
        }
        ReportCharts.Series series = new ReportCharts.Series(WorkCategory.labels());
        for (WorkCategory category : WorkCategory.values()) {
            EffortQuery.Hours r = byCategory.get(category.label());
            BigDecimal in = r == null ? BigDecimal.ZERO : r.inside();
            BigDecimal out = r == null ? BigDecimal.ZERO : r.outside();
            BigDecimal hours = r == null ? BigDecimal.ZERO : r.hours();
            long n = r == null ? 0 : r.entries();
            inside = inside.add(in);
            outside = outside.add(out);
            entries += n;
            table.row(category.label(), Jp.count(n), Jp.hours(in), Jp.hours(out), Jp.hours(hours),
                    Jp.percent(hours.doubleValue(), total.doubleValue()));
            series.add("受付時間内", category.label(), in).add("受付時間外", category.label(), out);
        }
        table.totalRow("合計", Jp.count(entries), Jp.hours(inside), Jp.hours(outside), Jp.hours(total), "100.0%");
        s.table(table, "該当なし");
        s.chart(ReportCharts.horizontalStackedBars("作業区分別の工数（人時）", "人時", series, false));
        long weekdayOnly = EffortQuery.weekdayOnly(c);
        s.note("受付時間内外は " + c.serviceWindow().description() + " で区分した。開始時刻のない作業は、営業日なら時間内、"
                + "それ以外の日なら時間外とした。" + (weekdayOnly > 0 ? "【暫定】" + weekdayOnly + " 件は祝日暦なし（土日と12/29〜1/3のみ除外）"
                + "で区分しており、祝日の作業が時間内に計上されている可能性がある。" : ""));
        byPerson(c, s);
        onFindings(c, s);
        return s;
    }

    private void byPerson(ReportContext c, Section s) {
        s.subsection("担当者別の工数");
        Table table = new Table(Column.text("担当者", 3), Column.text("役割（運用体制）", 3), Column.number("件数", 2),
                Column.number("受付時間内", 2), Column.number("受付時間外", 2), Column.number("合計（人時）", 2));
        List<String> outside = new java.util.ArrayList<>();
        for (EffortQuery.Hours r : EffortQuery.byPerson(c)) {
            String role = c.report().team().stream().filter(m -> m.name().equals(r.key())).map(m -> m.role())
                    .findFirst().orElse(null);
            if (role == null) {
                outside.add(r.key());
            }
            table.row(r.key(), role == null ? "（運用体制に記載なし）" : role, Jp.count(r.entries()), Jp.hours(r.inside()),
                    Jp.hours(r.outside()), Jp.hours(r.hours()));
        }
        s.table(table, "該当なし");
        if (!outside.isEmpty()) {
            s.note("要確認：" + String.join("、", outside) + " は運用体制（2 章、govcloud.report.team）に記載がない。");
        }
    }

    private void onFindings(ReportContext c, Section s) {
        s.subsection("検知に対する作業");
        List<EffortQuery.OnFinding> rows = EffortQuery.onFindings(c);
        Map<Long, Findings.Finding> findings = new HashMap<>();
        if (Findings.available(c) && !rows.isEmpty()) {
            Findings.between(c, c.utc(c.first().minusMonths(3).atStartOfDay()), c.utcEnd()).forEach(f -> findings.put(f.id(), f));
        }
        Table table = new Table(Column.number("検知 ID", 1), Column.text("検知内容", 6), Column.text("重要度", 2),
                Column.text("初回作業日", 2), Column.number("作業件数", 1), Column.number("工数（人時）", 2));
        for (EffortQuery.OnFinding r : rows) {
            Findings.Finding f = findings.get(r.findingId());
            table.row(r.findingId(), f == null ? "（検知の記録なし）" : Jp.clip(f.title(), 60),
                    f == null ? "—" : Findings.severityLabel(f.severity()), Jp.day(r.firstDay()),
                    Jp.count(r.entries()), Jp.hours(r.hours()));
        }
        s.table(table, "該当なし（当月、検知に紐づけた作業記録はない）");
    }
}
