package jp.govcloudops.report.sections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 7 構成管理・変更管理: the configuration changes the audit trail shows (write API calls by service and by principal,
 * from the CloudTrail rows behind cloudtrail_activity_daily), and the mandatory-template applications, recognised as write calls by the
 * configured deployment roles, with the effort recorded for them.
 */
@Component
@Order(7)
public class ChangeManagementSection implements SectionWriter {

    static final String WRITES = "read_only = FALSE AND event_hour >= ? AND event_hour < ?";

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("7", "構成管理・変更管理");
        s.paragraph("CloudTrail の変更系 API 呼出し（readOnly=false）を集計し、構成変更の状況を確認した。");
        byService(c, s);
        byPrincipal(c, s);
        templates(c, s);
        return s;
    }

    private void byService(ReportContext c, Section s) {
        s.subsection("サービス別の変更操作");
        List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT event_source, SUM(events) AS events,"
                + " SUM(CASE WHEN error_code IS NULL THEN events ELSE 0 END) AS succeeded,"
                + " COUNT(DISTINCT event_name) AS apis, COUNT(DISTINCT account_id) AS accounts"
                + " FROM report_cloudtrail_rows WHERE " + WRITES + " GROUP BY event_source"
                + " ORDER BY SUM(events) DESC, event_source", c.utcStart(), c.utcEnd());
        Table table = new Table(Column.text("サービス（イベントソース）", 5), Column.number("呼出し", 2), Column.number("成功", 2),
                Column.number("失敗", 2), Column.number("API 種類", 2), Column.number("アカウント数", 2));
        long total = 0;
        long ok = 0;
        List<Map<String, Object>> shown = rows.subList(0, Math.min(rows.size(), c.report().topRows()));
        for (Map<String, Object> row : rows) {
            total += Rows.num(row, "events");
            ok += Rows.num(row, "succeeded");
        }
        for (Map<String, Object> row : shown) {
            long events = Rows.num(row, "events");
            long succeeded = Rows.num(row, "succeeded");
            table.row(Rows.text(row, "event_source"), Jp.count(events), Jp.count(succeeded), Jp.count(events - succeeded),
                    Jp.count(Rows.num(row, "apis")), Jp.count(Rows.num(row, "accounts")));
        }
        if (!table.isEmpty()) {
            table.totalRow("合計（全 " + rows.size() + " サービス）", Jp.count(total), Jp.count(ok), Jp.count(total - ok), "", "");
        }
        s.table(table, "該当なし（当月の変更系 API 呼出しは記録されていない）");
    }

    private void byPrincipal(ReportContext c, Section s) {
        s.subsection("実行主体（プリンシパル）別の変更操作");
        List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT principal, identity_type, SUM(events) AS events,"
                + " SUM(CASE WHEN error_code IS NULL THEN 0 ELSE events END) AS failed,"
                + " COUNT(DISTINCT event_name) AS apis, COUNT(DISTINCT account_id) AS accounts"
                + " FROM report_cloudtrail_rows WHERE " + WRITES + " GROUP BY principal, identity_type"
                + " ORDER BY SUM(events) DESC, principal", c.utcStart(), c.utcEnd());
        Table table = new Table(Column.text("プリンシパル", 8), Column.text("種別", 2), Column.number("呼出し", 2),
                Column.number("失敗", 2), Column.number("API 種類", 2), Column.number("アカウント数", 2));
        for (Map<String, Object> row : rows.subList(0, Math.min(rows.size(), c.report().topRows()))) {
            table.row(principalText(Rows.text(row, "principal")), Rows.text(row, "identity_type"),
                    Jp.count(Rows.num(row, "events")), Jp.count(Rows.num(row, "failed")), Jp.count(Rows.num(row, "apis")),
                    Jp.count(Rows.num(row, "accounts")));
        }
        s.table(table, "該当なし");
        if (rows.size() > c.report().topRows()) {
            s.note("呼出し件数の上位 " + c.report().topRows() + " 件を示した（全 " + rows.size() + " プリンシパル）。");
        }
    }

    static String principalText(String principal) {
        return principal == null ? "（不明）" : Jp.clip(principal, 90);
    }

    private void templates(ReportContext c, Section s) {
        s.subsection("必須適用テンプレートの適用状況");
        List<String> roles = c.report().deploymentRoles();
        if (roles.isEmpty()) {
            s.none("該当なし（テンプレート適用に使う IAM ロールが設定されていない：govcloud.report.deployment-roles）");
        } else {
            List<Object> args = new ArrayList<>(List.of(c.utcStart(), c.utcEnd()));
            StringBuilder match = new StringBuilder();
            for (String role : roles) {
                match.append(match.length() == 0 ? "" : " OR ").append("principal LIKE ?");
                args.add("%" + role + "%");
            }
            List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT day, account_id, principal, SUM(events) AS events,"
                    + " SUM(CASE WHEN error_code IS NULL THEN 0 ELSE events END) AS failed,"
                    + " COUNT(DISTINCT event_name) AS apis, MIN(event_source) AS first_source"
                    + " FROM report_cloudtrail_rows WHERE " + WRITES + " AND (" + match + ")"
                    + " GROUP BY day, account_id, principal ORDER BY day, account_id, principal", args.toArray());
            Table table = new Table(Column.text("適用日", 2), Column.text("アカウント", 4), Column.text("適用ロール", 5),
                    Column.number("変更操作", 2), Column.number("失敗", 1), Column.number("API 種類", 2));
            for (Map<String, Object> row : rows) {
                table.row(Jp.day(Rows.date(row, "day")), c.accountLabel(Rows.text(row, "account_id")),
                        principalText(Rows.text(row, "principal")), Jp.count(Rows.num(row, "events")),
                        Jp.count(Rows.num(row, "failed")), Jp.count(Rows.num(row, "apis")));
            }
            s.table(table, "該当なし（当月、設定された適用ロール（" + String.join("、", roles) + "）による変更操作はない）");
        }
        List<Map<String, Object>> effort = c.jdbc().queryForList("SELECT work_date, person, hours, note FROM work_effort"
                + " WHERE category = 'テンプレート適用' AND work_date BETWEEN ? AND ? ORDER BY work_date, id", c.first(), c.last());
        Table work = new Table(Column.text("作業日", 2), Column.text("担当", 2), Column.number("工数（時間）", 2),
                Column.text("内容（通知日・適用内容）", 8));
        BigDecimal hours = BigDecimal.ZERO;
        for (Map<String, Object> row : effort) {
            hours = hours.add(Rows.decimal(row, "hours"));
            work.row(Jp.day(Rows.date(row, "work_date")), Rows.text(row, "person"), Jp.hours(Rows.decimal(row, "hours")),
                    Jp.clip(Rows.text(row, "note"), 160));
        }
        if (!work.isEmpty()) {
            work.totalRow("合計", "", Jp.hours(hours), "");
            s.paragraph("テンプレート適用の作業記録：");
        }
        s.table(work, "テンプレート適用の作業記録：該当なし");
    }
}
