package jp.govcloudops.report.sections;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.OperatorRecordQuery;
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
        Table table = new Table(Column.text("ID", 2), Column.text("課題・リスク", 5), Column.centered("影響/可能性", 2),
                Column.text("対策", 6), Column.text("担当", 2), Column.text("状態（期限）", 3));
        for (OperatorRecordQuery.Risk r : OperatorRecordQuery.risks(c)) {
            String description = r.description();
            String status = r.status() + (r.dueOn() == null ? "" : "（" + Jp.day(r.dueOn()) + "）")
                    + (r.closedOn() == null ? "" : "　" + Jp.day(r.closedOn()) + " 終了");
            table.row(r.id(), r.title() + (description == null ? "" : "：" + description),
                    r.impact() + "/" + r.likelihood(), IncidentSection.or(r.countermeasure()), IncidentSection.or(r.owner()),
                    status);
        }
        s.table(table, "該当なし（当月に管理対象の課題・リスクはない）");
        return s;
    }
}
