package jp.govcloudops.report.sections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jp.govcloudops.records.WorkCategory;
import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.EffortQuery;
import jp.govcloudops.report.query.MonthUsage;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 7 構成管理・変更管理: the configuration changes the audit trail shows (write API calls by service and by principal,
 * the rows of cloudtrail_activity_daily with read_only = false), and the mandatory-template applications, recognised
 * as write calls by the configured deployment roles, with the effort recorded for them. The tables come from the
 * month's CloudTrail activity read once for the report (MonthUsage).
 */
@Component
@Order(7)
public class ChangeManagementSection implements SectionWriter {

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("7", "構成管理・変更管理");
        s.paragraph("CloudTrail の変更系 API 呼出し（readOnly=false）を集計し、構成変更の状況を確認した。");
        List<MonthUsage.Activity> writes = MonthUsage.of(c, c.month()).activity().stream()
                .filter(MonthUsage.Activity::write).toList();
        byService(c, s, writes);
        byPrincipal(c, s, writes);
        templates(c, s, writes);
        return s;
    }

    private void byService(ReportContext c, Section s, List<MonthUsage.Activity> writes) {
        s.subsection("サービス別の変更操作");
        Tally.Groups groups = new Tally.Groups();
        long total = 0;
        long ok = 0;
        for (MonthUsage.Activity w : writes) {
            groups.of(w.eventSource()).add(w.events(), w.failed()).distinct("api", w.eventName())
                    .distinct("account", w.accountId());
            total += w.events();
            ok += w.failed() ? 0 : w.events();
        }
        Table table = new Table(Column.text("サービス（イベントソース）", 5), Column.number("呼出し", 2), Column.number("成功", 2),
                Column.number("失敗", 2), Column.number("API 種類", 2), Column.number("アカウント数", 2));
        var rows = groups.byEventsDescending();
        for (var row : rows.subList(0, Math.min(rows.size(), c.report().topRows()))) {
            Tally t = row.getValue();
            table.row((String) row.getKey().get(0), Jp.count(t.events()), Jp.count(t.succeeded()), Jp.count(t.failed()),
                    Jp.count(t.count("api")), Jp.count(t.count("account")));
        }
        if (!table.isEmpty()) {
            table.totalRow("合計（全 " + rows.size() + " サービス）", Jp.count(total), Jp.count(ok), Jp.count(total - ok), "", "");
        }
        s.table(table, "該当なし（当月の変更系 API 呼出しは記録されていない）");
    }

    private void byPrincipal(ReportContext c, Section s, List<MonthUsage.Activity> writes) {
        s.subsection("実行主体（プリンシパル）別の変更操作");
        Tally.Groups groups = new Tally.Groups();
        for (MonthUsage.Activity w : writes) {
            groups.of(w.principal(), w.identityType()).add(w.events(), w.failed()).distinct("api", w.eventName())
                    .distinct("account", w.accountId());
        }
        Table table = new Table(Column.text("プリンシパル", 8), Column.text("種別", 2), Column.number("呼出し", 2),
                Column.number("失敗", 2), Column.number("API 種類", 2), Column.number("アカウント数", 2));
        var rows = groups.byEventsDescending();
        for (var row : rows.subList(0, Math.min(rows.size(), c.report().topRows()))) {
            Tally t = row.getValue();
            table.row(principalText((String) row.getKey().get(0)), (String) row.getKey().get(1), Jp.count(t.events()),
                    Jp.count(t.failed()), Jp.count(t.count("api")), Jp.count(t.count("account")));
        }
        s.table(table, "該当なし");
        if (rows.size() > c.report().topRows()) {
            s.note("呼出し件数の上位 " + c.report().topRows() + " 件を示した（全 " + rows.size() + " プリンシパル）。");
        }
    }

    static String principalText(String principal) {
        return principal == null ? "（不明）" : Jp.clip(principal, 90);
    }

    private void templates(ReportContext c, Section s, List<MonthUsage.Activity> writes) {
        s.subsection("必須適用テンプレートの適用状況");
        List<String> roles = c.report().deploymentRoles();
        if (roles.isEmpty()) {
            s.none("該当なし（テンプレート適用に使う IAM ロールが設定されていない：govcloud.report.deployment-roles）");
        } else {
            Tally.Groups groups = new Tally.Groups();
            for (MonthUsage.Activity w : writes) {
                if (w.principal() != null && roles.stream().anyMatch(w.principal()::contains)) {
                    groups.of(w.day(), w.accountId(), w.principal()).add(w.events(), w.failed()).distinct("api", w.eventName());
                }
            }
            Table table = new Table(Column.text("適用日", 2), Column.text("アカウント", 4), Column.text("適用ロール", 5),
                    Column.number("変更操作", 2), Column.number("失敗", 1), Column.number("API 種類", 2));
            for (var row : groups.byKey()) {
                List<Object> k = row.getKey();
                Tally t = row.getValue();
                table.row(Jp.day((LocalDate) k.get(0)), c.accountLabel((String) k.get(1)), principalText((String) k.get(2)),
                        Jp.count(t.events()), Jp.count(t.failed()), Jp.count(t.count("api")));
            }
            s.table(table, "該当なし（当月、設定された適用ロール（" + String.join("、", roles) + "）による変更操作はない）");
        }
        List<EffortQuery.Entry> effort = EffortQuery.entries(c, WorkCategory.TEMPLATE_APPLICATION.label());
        Table work = new Table(Column.text("作業日", 2), Column.text("担当", 2), Column.number("工数（時間）", 2),
                Column.text("内容（通知日・適用内容）", 8));
        BigDecimal hours = BigDecimal.ZERO;
        for (EffortQuery.Entry e : effort) {
            hours = hours.add(e.hours());
            work.row(Jp.day(e.workDate()), e.person(), Jp.hours(e.hours()), Jp.clip(e.note(), 160));
        }
        if (!work.isEmpty()) {
            work.totalRow("合計", "", Jp.hours(hours), "");
            s.paragraph("テンプレート適用の作業記録：");
        }
        s.table(work, "テンプレート適用の作業記録：該当なし");
    }
}
