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

/**
 * 5 障害・インシデント対応状況: every incident that occurred in the month, and earlier ones still open at its start,
 * as recorded by the operators (incident import).
 */
@Component
@Order(5)
public class IncidentSection implements SectionWriter {

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("5", "障害・インシデント対応状況");
        List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT * FROM incident WHERE (occurred_at >= ?"
                + " AND occurred_at < ?) OR (occurred_at < ? AND (resolved_at IS NULL OR resolved_at >= ?))"
                + " ORDER BY occurred_at, id", c.utcStart(), c.utcEnd(), c.utcStart(), c.utcStart());
        if (rows.isEmpty()) {
            s.none("該当なし（当月に発生した障害・インシデント、及び前月から継続中のものはない）");
            return s;
        }
        long inMonth = rows.stream().filter(r -> !Rows.timestamp(r, "occurred_at").isBefore(c.utcStart())).count();
        long major = rows.stream().filter(r -> "重大".equals(Rows.text(r, "severity"))
                && !Rows.timestamp(r, "occurred_at").isBefore(c.utcStart())).count();
        s.paragraph("当月に発生した障害・インシデントは " + inMonth + " 件（うち重大 " + major + " 件）"
                + (rows.size() > inMonth ? "、前月以前から継続中のものが " + (rows.size() - inMonth) + " 件" : "") + "。");
        for (Map<String, Object> row : rows) {
            Table card = new Table(Column.text("項目", 2), Column.text("内容", 9));
            card.totalRow(Rows.text(row, "id"), Rows.text(row, "title") + "（" + Rows.text(row, "severity") + "）");
            card.row("発生日時", Jp.dateTime(c.local(Rows.timestamp(row, "occurred_at")))
                    + (Rows.timestamp(row, "occurred_at").isBefore(c.utcStart()) ? "（前月以前に発生・継続中）" : ""));
            card.row("検知", Jp.dateTime(c.local(Rows.timestamp(row, "detected_at"))) + "　" + Rows.text(row, "detected_by"));
            card.row("対象", or(Rows.text(row, "accounts")));
            card.row("影響", or(Rows.text(row, "impact")));
            card.row("原因", or(Rows.text(row, "cause")));
            card.row("対応・再発防止策", or(Rows.text(row, "measures")));
            card.row("情報共有", or(Rows.text(row, "shared_with")) + (row.get("shared_at") == null ? ""
                    : "（" + Jp.dateTime(c.local(Rows.timestamp(row, "shared_at"))) + "）"));
            card.row("状態", Rows.text(row, "status") + (row.get("resolved_at") == null ? ""
                    : "（復旧 " + Jp.dateTime(c.local(Rows.timestamp(row, "resolved_at"))) + "）")
                    + (row.get("finding_id") == null ? "" : "　関連検知 #" + Rows.num(row, "finding_id")));
            s.table(card, "");
        }
        return s;
    }

    static String or(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
