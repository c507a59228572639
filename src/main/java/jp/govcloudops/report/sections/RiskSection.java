package jp.govcloudops.report.sections;

import java.util.List;
import java.util.Map;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.Rows;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** 12 課題・リスク: the risk register entries open during the month (identified by its end, not closed before it). */
@Component
@Order(12)
public class RiskSection implements SectionWriter {

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("12", "課題・リスク");
        List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT * FROM risk WHERE identified_on <= ?"
                + " AND (closed_on IS NULL OR closed_on >= ?) ORDER BY CASE status WHEN '対応中' THEN 0 WHEN '監視中' THEN 1"
                + " ELSE 2 END, identified_on, id", c.last(), c.first());
        Table table = new Table(Column.text("ID", 2), Column.text("課題・リスク", 5), Column.centered("影響/可能性", 2),
                Column.text("対策", 6), Column.text("担当", 2), Column.text("状態（期限）", 3));
        for (Map<String, Object> r : rows) {
            String description = Rows.text(r, "description");
            String status = Rows.text(r, "status") + (r.get("due_on") == null ? "" : "（" + Jp.day(Rows.date(r, "due_on")) + "）")
                    + (r.get("closed_on") == null ? "" : "　" + Jp.day(Rows.date(r, "closed_on")) + " 終了");
            table.row(Rows.text(r, "id"), Rows.text(r, "title") + (description == null ? "" : "：" + description),
                    Rows.text(r, "impact") + "/" + Rows.text(r, "likelihood"), IncidentSection.or(Rows.text(r, "countermeasure")),
                    IncidentSection.or(Rows.text(r, "owner")), status);
        }
        s.table(table, "該当なし（当月に管理対象の課題・リスクはない）");
        return s;
    }
}
