package jp.govcloudops.report.sections;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.EffortQuery;
import jp.govcloudops.report.query.MonthCoverage;
import jp.govcloudops.report.query.Findings;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import jp.govcloudops.report.render.ReportCharts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 4 監視・アラート対応状況: the month's findings by severity, inside or outside 受付時間, by rule and by status, compared
 * with the previous month, with the time to first response taken from the effort linked to each finding.
 */
@Component
@Order(4)
public class AlertSection implements SectionWriter {

    static final List<String> STATUSES = List.of("未対応", "対応中", "対応済", "経過観察", "誤検知");

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("4", "監視・アラート対応状況");
        if (!Findings.available(c)) {
            s.none("該当なし（検知結果の記録がストアにない：検知機能が未導入）");
            return s;
        }
        List<Findings.Finding> month = Findings.ofMonth(c);
        List<Findings.Finding> previous = Findings.between(c, c.utc(c.previous().atDay(1).atStartOfDay()), c.utcStart());
        boolean before = MonthCoverage.hasLogs(c, c.previous());
        s.paragraph("当月の検知件数は " + Jp.count(month.size()) + " 件" + (before ? "（前月 " + Jp.count(previous.size())
                + " 件、" + Jp.delta(month.size(), previous.size()) + "）" : "（前月はログがストアになく比較できない）")
                + "。受付時間は " + c.serviceWindow().description() + "。");
        bySeverity(c, s, month, before ? previous : null);
        bySource(s, month, before ? previous : null);
        byRule(c, s, month);
        byStatus(c, s, month);
        firstResponse(c, s, month);
        return s;
    }

    /** {@code previous} is null when the store has no logs of the previous month (its figures print 「—」). */
    private void bySeverity(ReportContext c, Section s, List<Findings.Finding> month, List<Findings.Finding> previous) {
        s.subsection("重要度別・受付時間内外別の件数");
        Table table = new Table(Column.text("重要度", 3), Column.number("件数", 2), Column.number("受付時間内", 2),
                Column.number("受付時間外", 2), Column.number("判定不可", 2), Column.number("前月", 2), Column.number("増減", 2));
        for (String severity : Findings.SEVERITIES) {
            List<Findings.Finding> these = month.stream().filter(f -> severity.equals(f.severity())).toList();
            long before = previous == null ? 0 : previous.stream().filter(f -> severity.equals(f.severity())).count();
            if (these.isEmpty() && before == 0) {
                continue;
            }
            table.row(Findings.severityLabel(severity), Jp.count(these.size()), count(these, Boolean.TRUE),
                    count(these, Boolean.FALSE), count(these, null), previous == null ? "—" : Jp.count(before),
                    previous == null ? "—" : Jp.delta(these.size(), before));
        }
        if (!table.isEmpty()) {
            table.totalRow("合計", Jp.count(month.size()), count(month, Boolean.TRUE), count(month, Boolean.FALSE),
                    count(month, null), previous == null ? "—" : Jp.count(previous.size()),
                    previous == null ? "—" : Jp.delta(month.size(), previous.size()));
        }
        s.table(table, "該当なし（当月・前月とも検知はない）");
        if (!month.isEmpty()) {
            List<String> days = c.first().datesUntil(c.last().plusDays(1)).map(d -> String.valueOf(d.getDayOfMonth())).toList();
            ReportCharts.Series series = new ReportCharts.Series(days);
            for (String severity : Findings.SEVERITIES) {
                if (month.stream().anyMatch(f -> severity.equals(f.severity()))) {
                    series.add(Findings.severityLabel(severity), days.get(0), 0);
                }
            }
            for (Findings.Finding f : month) {
                series.add(Findings.severityLabel(f.severity()), String.valueOf(c.local(f.time()).getDayOfMonth()), 1);
            }
            s.chart(ReportCharts.stackedBars("日別・重要度別の検知件数", "件", series, true));
        }
    }

    /** Counts per source: govcloud-ops' own log analysis and the estate's security services. */
    /** {@code previous} is null when the store has no logs of the previous month (「—」). */
    private void bySource(Section s, List<Findings.Finding> month, List<Findings.Finding> previous) {
        s.subsection("検知元別の件数");
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String source : List.of("govcloud-ops（ログ分析）", "GuardDuty", "Security Hub", "AWS Config")) {
            counts.put(source, new long[2]);
        }
        month.forEach(f -> counts.get(Findings.sourceLabel(f.ruleId()))[0]++);
        if (previous != null) {
            previous.forEach(f -> counts.get(Findings.sourceLabel(f.ruleId()))[1]++);
        }
        Table table = new Table(Column.text("検知元", 4), Column.number("件数", 2), Column.number("前月", 2));
        counts.forEach((source, n) -> {
            if (n[0] > 0 || n[1] > 0) {
                table.row(source, Jp.count(n[0]), previous == null ? "—" : Jp.count(n[1]));
            }
        });
        s.table(table, "該当なし（当月・前月とも検知はない）");
    }

    private static String count(List<Findings.Finding> findings, Boolean inHours) {
        return Jp.count(findings.stream().filter(f -> java.util.Objects.equals(f.inServiceHours(), inHours)).count());
    }

    private void byRule(ReportContext c, Section s, List<Findings.Finding> month) {
        s.subsection("ルール別の件数");
        Map<String, List<Findings.Finding>> byRule = month.stream().collect(Collectors.groupingBy(
                f -> f.ruleId() == null ? "" : f.ruleId(), TreeMap::new, Collectors.toList()));
        Table table = new Table(Column.text("ルール ID", 3), Column.text("ルール名", 6), Column.text("重要度", 3),
                Column.number("件数", 1), Column.number("時間外", 1));
        byRule.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(e -> {
                    Findings.Finding first = e.getValue().get(0);
                    table.row(e.getKey(), Jp.clip(first.title(), 60), Findings.severityLabel(first.severity()),
                            Jp.count(e.getValue().size()), count(e.getValue(), Boolean.FALSE));
                });
        s.table(table, "該当なし（当月の検知はない）");
    }

    private void byStatus(ReportContext c, Section s, List<Findings.Finding> month) {
        s.subsection("対応状況");
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(status -> counts.put(status, 0L));
        month.forEach(f -> counts.merge(f.status() == null ? "未対応" : f.status(), 1L, Long::sum));
        Table table = new Table(Column.text("状態", 3), Column.number("件数", 2), Column.number("割合", 2));
        if (!month.isEmpty()) {
            counts.forEach((status, n) -> table.row(status, Jp.count(n), Jp.percent(n, month.size())));
            table.totalRow("合計", Jp.count(month.size()), "100.0%");
        }
        s.table(table, "該当なし（当月の検知はない）");
        if (!month.isEmpty()) {
            long inferred = month.stream().filter(Findings.Finding::statusInferred).count();
            s.note("状態は報告の締め（" + Jp.dateTime(c.local(Findings.cutOff(c))) + "）時点。第 5 章・第 6 章・付録A も同じ時点の状態を示す。"
                    + (inferred == 0 ? "" : "うち " + inferred + " 件は締めまでに状態の記録がなく、作業記録のあるものを対応中、"
                    + "解決したインシデントに関連付けたものを対応済とした（findings set-status で記録すること）。"));
        }
    }

    private void firstResponse(ReportContext c, Section s, List<Findings.Finding> month) {
        if (month.isEmpty()) {
            return;
        }
        s.subsection("初動対応までの時間");
        Map<Long, EffortQuery.FindingWork> work = EffortQuery.perFinding(c);
        Table table = new Table(Column.text("重要度", 3), Column.number("対応記録のある検知", 2),
                Column.number("平均（時間）", 2), Column.number("最長（時間）", 2), Column.number("対応工数計", 2));
        for (String severity : Findings.SEVERITIES) {
            List<Duration> waits = month.stream().filter(f -> severity.equals(f.severity()) && work.containsKey(f.id()))
                    .map(f -> Duration.between(c.local(f.time()), work.get(f.id()).first())).map(d -> d.isNegative() ? Duration.ZERO : d)
                    .toList();
            if (waits.isEmpty()) {
                continue;
            }
            double average = waits.stream().mapToLong(Duration::toMinutes).average().orElse(0) / 60.0;
            double longest = waits.stream().mapToLong(Duration::toMinutes).max().orElse(0) / 60.0;
            BigDecimal spent = month.stream().filter(f -> severity.equals(f.severity()))
                    .map(f -> work.containsKey(f.id()) ? work.get(f.id()).hours() : BigDecimal.ZERO).reduce(BigDecimal.ZERO, BigDecimal::add);
            table.row(Findings.severityLabel(severity), Jp.count(waits.size()), String.format("%.1f", average),
                    String.format("%.1f", longest), Jp.hours(spent));
        }
        s.table(table, "該当なし（検知に紐づく作業記録（finding_id）がない）");
        s.note("初動までの時間は、検知時刻から、その検知に紐づく最初の作業記録（作業日・開始時刻）までの時間。");
    }
}
