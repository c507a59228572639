package jp.govcloudops.report.sections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jp.govcloudops.records.WorkCategory;
import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.ChangeQuery;
import jp.govcloudops.report.query.EffortQuery;
import jp.govcloudops.report.query.MonthUsage;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 7 構成管理・変更管理: the month's configuration changes, from AWS Config when the store has it, otherwise from the
 * audit trail's write calls that change configuration (ChangeQuery), security-relevant ones first; the write calls by
 * service and by principal; and the mandatory-template applications, recognised
 * as write calls by the configured deployment roles, with the effort recorded for them. The tables come from the
 * month's CloudTrail activity read once for the report (MonthUsage).
 */
@Component
@Order(7)
public class ChangeManagementSection implements SectionWriter {

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("7", "構成管理・変更管理");
        List<MonthUsage.Activity> allWrites = MonthUsage.of(c, c.month()).activity().stream()
                .filter(MonthUsage.Activity::write).toList();
        List<MonthUsage.Activity> writes = allWrites.stream()
                .filter(w -> w.eventName() == null || !ChangeQuery.NOT_CHANGES.contains(w.eventName())).toList();
        boolean config = ChangeQuery.hasConfig(c);
        s.paragraph(config ? "AWS Config が記録したリソースの構成変更を、セキュリティに関わる変更を先に示す。あわせて CloudTrail の"
                + "変更系 API 呼出し（readOnly=false）をサービス別・実行主体別に集計した。"
                : "CloudTrail の変更系 API 呼出し（readOnly=false）のうち構成を変える操作を、セキュリティに関わる変更を先に示す"
                + "（AWS Config のデータはストアにない）。");
        s.subsection("主な構成変更（セキュリティ関連を先に）");
        if (config) {
            configChanges(c, s, ChangeQuery.configChanges(c));
        } else {
            changes(c, s, writes);
        }
        long excluded = allWrites.stream().mapToLong(MonthUsage.Activity::events).sum()
                - writes.stream().mapToLong(MonthUsage.Activity::events).sum();
        if (excluded > 0) {
            s.note("構成の変更ではない書込み系の呼出し " + Jp.count(excluded) + " 件（SSM エージェントの定期通信、コンソール"
                    + "サインイン・ロールの引受け（6 章）、ログ配信、データの読み書き）は本章の集計から除いた。");
        }
        byService(c, s, writes);
        byPrincipal(c, s, writes);
        templates(c, s, writes);
        return s;
    }

    /** CloudTrail's changes by account, API and principal: security-relevant ones first, then by calls. */
    private void changes(ReportContext c, Section s, List<MonthUsage.Activity> writes) {
        Tally.Groups groups = new Tally.Groups();
        for (MonthUsage.Activity w : writes) {
            groups.of(w.accountId(), w.eventSource(), w.eventName(), w.principal()).add(w.events(), w.failed())
                    .distinct("day", w.day());
        }
        Table table = new Table(Column.text("区分", 2), Column.text("アカウント", 3), Column.text("操作（API）", 5),
                Column.text("実行主体", 6), Column.number("件数", 1), Column.number("失敗", 1), Column.number("日数", 1));
        var rows = new java.util.ArrayList<>(groups.byEventsDescending());
        rows.sort(java.util.Comparator.comparing(e -> !ChangeQuery.SECURITY_RELEVANT.contains((String) e.getKey().get(2))));
        int limit = c.report().topRows() * 2;
        long security = rows.stream().filter(e -> ChangeQuery.SECURITY_RELEVANT.contains((String) e.getKey().get(2))).count();
        int shown = 0;
        for (var row : rows) {
            List<Object> k = row.getKey();
            boolean relevant = ChangeQuery.SECURITY_RELEVANT.contains((String) k.get(2));
            if (!relevant && shown >= Math.max(limit, security)) {
                break;
            }
            shown++;
            Tally t = row.getValue();
            table.row(relevant ? "セキュリティ" : "一般", c.accountLabel((String) k.get(0)), service((String) k.get(1))
                    + ":" + k.get(2), principalText((String) k.get(3)), Jp.count(t.events()), Jp.count(t.failed()),
                    Jp.count(t.count("day")));
        }
        s.table(table, "該当なし（当月、構成を変える API 呼出しは記録されていない）");
        if (rows.size() > shown) {
            s.note("セキュリティ関連の変更はすべて、その他は呼出し件数の上位を示した（全 " + rows.size() + " 件の組合せ）。");
        }
    }

    private void configChanges(ReportContext c, Section s, List<ChangeQuery.ConfigChange> changes) {
        List<ChangeQuery.ConfigChange> ordered = new java.util.ArrayList<>(changes);
        ordered.sort(java.util.Comparator.comparing((ChangeQuery.ConfigChange ch) -> !ch.securityRelevant()));
        Table table = new Table(Column.text("区分", 2), Column.text("日時（JST）", 3), Column.text("アカウント", 3),
                Column.text("リソース", 5), Column.text("変更", 1), Column.text("関連 API", 4));
        int limit = c.report().topRows() * 3;
        int shown = 0;
        for (ChangeQuery.ConfigChange ch : ordered) {
            if (!ch.securityRelevant() && shown >= limit) {
                break;
            }
            shown++;
            table.row(ch.securityRelevant() ? "セキュリティ" : "一般", Jp.dateTime(c.local(ch.capturedUtc())),
                    c.accountLabel(ch.accountId()), ch.resourceType() + " " + (ch.resourceName() != null
                            ? ch.resourceName() : ch.resourceId()), changeType(ch.changeType()),
                    ch.relatedEvents() == null ? "—" : Jp.clip(ch.relatedEvents(), 80));
        }
        s.table(table, "該当なし（当月、AWS Config が記録した構成変更はない）");
        if (ordered.size() > shown) {
            s.note("セキュリティ関連の変更はすべて、その他は先頭 " + limit + " 件を示した（全 " + ordered.size()
                    + " 件。明細はビュー config_change）。");
        }
    }

    private static String changeType(String type) {
        return switch (type == null ? "" : type) {
            case "CREATE" -> "作成";
            case "UPDATE" -> "変更";
            case "DELETE" -> "削除";
            default -> type == null ? "—" : type;
        };
    }

    /** "ec2.amazonaws.com" as "ec2". */
    private static String service(String eventSource) {
        return eventSource == null ? "（不明）" : eventSource.replace(".amazonaws.com", "");
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
                Column.text("作業内容", 8));
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
