package jp.govcloudops.report.sections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.EffortQuery;
import jp.govcloudops.report.query.InsightQuery;
import jp.govcloudops.report.query.MonthUsage;
import jp.govcloudops.report.query.Findings;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 6 セキュリティ状況: each significant finding with its evidence and countermeasure (対応策) and the effort spent on
 * it, then the audit trail's own signals of suspicious operation: authorisation failures, root use, console
 * sign-in, CloudTrail Insights events.
 */
@Component
@Order(6)
public class SecuritySection implements SectionWriter {

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("6", "セキュリティ状況");
        significant(c, s);
        List<MonthUsage.Activity> signals = MonthUsage.of(c, c.month()).activity().stream()
                .filter(MonthUsage.Activity::detailed).toList();
        denied(c, s, signals);
        root(c, s, signals);
        consoleLogins(c, s, signals);
        insights(c, s);
        return s;
    }

    private void significant(ReportContext c, Section s) {
        String threshold = c.report().significantSeverity();
        s.subsection("重要な検知と対応策（重要度 " + Findings.severityLabel(threshold) + " 以上）");
        if (!Findings.available(c)) {
            s.none("該当なし（検知結果の記録がストアにない：検知機能が未導入）");
            return;
        }
        List<Findings.Finding> significant = Findings.ofMonth(c).stream()
                .filter(f -> Findings.rank(f.severity()) <= Findings.rank(threshold)).toList();
        if (significant.isEmpty()) {
            s.none("該当なし（当月、重要度 " + Findings.severityLabel(threshold) + " 以上の検知はない）");
            return;
        }
        Map<Long, EffortQuery.FindingWork> effort = EffortQuery.perFinding(c);
        for (Findings.Finding f : significant) {
            Table card = new Table(Column.text("項目", 2), Column.text("内容", 9));
            card.totalRow("検知 #" + f.id(), Jp.clip(f.title(), 80));
            card.row("発生日時", Jp.dateTime(c.local(f.time())) + "（" + Findings.hoursLabel(f.inServiceHours()) + "）");
            card.row("検知日時", Jp.dateTime(c.local(f.detectedAt())));
            card.row("重要度・ルール", Findings.severityLabel(f.severity()) + "　" + f.ruleId());
            card.row("対象", c.accountLabel(f.accountId()) + (f.region() == null ? "" : "　" + f.region())
                    + (f.resource() == null ? "" : "　" + Jp.clip(f.resource(), 80)));
            card.row("実行主体", f.principal() == null ? "—" : Jp.clip(f.principal(), 100));
            card.row("証跡の要約", f.evidence() == null ? "—" : Jp.clip(f.evidence(), 400));
            card.row("対応策", f.countermeasure() == null ? "—" : f.countermeasure());
            card.row("状態・対応工数", (f.status() == null ? "未対応" : f.status()) + "　"
                    + Jp.hours(effort.containsKey(f.id()) ? effort.get(f.id()).hours() : BigDecimal.ZERO) + " 時間");
            s.table(card, "");
        }
    }

    private void denied(ReportContext c, Section s, List<MonthUsage.Activity> signals) {
        s.subsection("認可エラー（AccessDenied 等）の多い実行主体");
        Tally.Groups groups = new Tally.Groups();
        for (MonthUsage.Activity e : signals) {
            if (e.denied()) {
                groups.of(e.principal(), e.identityType()).add(e.events(), true).distinct("api", e.eventName())
                        .distinct("ip", e.sourceIp()).distinct("day", e.day());
            }
        }
        Table table = new Table(Column.text("プリンシパル", 8), Column.text("種別", 2), Column.number("エラー件数", 2),
                Column.number("API 種類", 2), Column.number("送信元 IP 数", 2), Column.number("発生日数", 2));
        var rows = groups.byEventsDescending();
        for (var row : rows.subList(0, Math.min(rows.size(), c.report().topRows()))) {
            Tally t = row.getValue();
            table.row(ChangeManagementSection.principalText((String) row.getKey().get(0)), (String) row.getKey().get(1),
                    Jp.count(t.events()), Jp.count(t.count("api")), Jp.count(t.count("ip")), Jp.count(t.count("day")));
        }
        s.table(table, "該当なし（当月、認可エラーとなった API 呼出しはない）");
        if (!table.isEmpty()) {
            s.note("対応策：想定外の主体や送信元からの認可エラーが続く場合は、認証情報の漏えいを疑い、アクセスキーの無効化・"
                    + "ローテーションと当該主体の操作履歴の確認を行う。権限不足による業務エラーは担当 ASP 事業者へ連絡する。");
        }
    }

    private void root(ReportContext c, Section s, List<MonthUsage.Activity> signals) {
        s.subsection("ルートユーザーの利用");
        Tally.Groups groups = new Tally.Groups();
        for (MonthUsage.Activity e : signals) {
            if ("Root".equals(e.identityType())) {
                groups.of(e.day(), e.accountId(), e.eventName(), e.sourceIp()).add(e.events(), e.failed());
            }
        }
        Table table = new Table(Column.text("日付", 2), Column.text("アカウント", 4), Column.text("API", 4),
                Column.text("送信元 IP", 3), Column.number("件数", 1), Column.number("失敗", 1));
        for (var row : groups.byKey()) {
            List<Object> k = row.getKey();
            table.row(Jp.day((LocalDate) k.get(0)), c.accountLabel((String) k.get(1)), (String) k.get(2), (String) k.get(3),
                    Jp.count(row.getValue().events()), Jp.count(row.getValue().failed()));
        }
        s.table(table, "該当なし（当月、ルートユーザーによる操作は記録されていない）");
        if (!table.isEmpty()) {
            s.note("対応策：ルートユーザーの利用は、事前に申請された作業と突き合わせる。申請のない利用は、パスワード変更・MFA の確認と"
                    + "発注者への報告を直ちに行う。");
        }
    }

    private void consoleLogins(ReportContext c, Section s, List<MonthUsage.Activity> signals) {
        s.subsection("コンソールサインイン");
        Tally.Groups groups = new Tally.Groups();
        for (MonthUsage.Activity e : signals) {
            if ("ConsoleLogin".equals(e.eventName())) {
                groups.of(e.accountId()).add(e.events(), e.failed()).distinct("principal", e.principal())
                        .distinct("ip", e.sourceIp());
            }
        }
        Table table = new Table(Column.text("アカウント", 5), Column.number("サインイン", 2), Column.number("失敗", 2),
                Column.number("主体数", 2), Column.number("送信元 IP 数", 2));
        for (var row : groups.byKey()) {
            Tally t = row.getValue();
            table.row(c.accountLabel((String) row.getKey().get(0)), Jp.count(t.events()), Jp.count(t.failed()),
                    Jp.count(t.count("principal")), Jp.count(t.count("ip")));
        }
        s.table(table, "該当なし（当月、コンソールサインインは記録されていない）");
    }

    private void insights(ReportContext c, Section s) {
        s.subsection("CloudTrail Insights（API 呼出し量・エラー率の異常）");
        Table table = new Table(Column.text("開始（JST）", 3), Column.text("アカウント", 4), Column.text("API", 4),
                Column.text("種別", 3), Column.number("平常値", 2), Column.number("異常時", 2));
        for (InsightQuery.Insight insight : InsightQuery.started(c)) {
            table.row(Jp.dateTime(c.local(insight.timeUtc())), c.accountLabel(insight.accountId()), insight.eventName(),
                    insight.insightType(), decimal(insight.baselineAverage()), decimal(insight.insightAverage()));
        }
        s.table(table, "該当なし（当月の CloudTrail Insights イベントはない）");
    }

    private static String decimal(Double value) {
        return value == null ? "—" : String.format("%.2f", value);
    }
}
