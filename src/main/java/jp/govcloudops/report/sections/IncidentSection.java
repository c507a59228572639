package jp.govcloudops.report.sections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.Findings;
import jp.govcloudops.report.query.OperatorRecordQuery;
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
        List<OperatorRecordQuery.Incident> rows = OperatorRecordQuery.incidents(c);
        if (rows.isEmpty()) {
            s.none("該当なし（当月に発生した障害・インシデント、及び前月から継続中のものはない）");
            return s;
        }
        long inMonth = rows.stream().filter(r -> !r.occurredAt().isBefore(c.utcStart())).count();
        long major = rows.stream().filter(r -> "重大".equals(r.severity()) && !r.occurredAt().isBefore(c.utcStart())).count();
        s.paragraph("当月に発生した障害・インシデントは " + inMonth + " 件（うち重大 " + major + " 件）"
                + (rows.size() > inMonth ? "、前月以前から継続中のものが " + (rows.size() - inMonth) + " 件" : "") + "。");
        Map<Long, Findings.Finding> cited = new HashMap<>();
        if (Findings.available(c) && rows.stream().anyMatch(r -> r.findingId() != null)) {
            Findings.between(c, c.utc(c.first().minusMonths(3).atStartOfDay()), c.utcEnd()).forEach(f -> cited.put(f.id(), f));
        }
        List<String> contradictions = new ArrayList<>();
        for (OperatorRecordQuery.Incident row : rows) {
            Table card = new Table(Column.text("項目", 2), Column.text("内容", 9));
            card.totalRow(row.id(), row.title() + "（" + row.severity() + "）");
            card.row("発生日時", Jp.dateTime(c.local(row.occurredAt()))
                    + (row.occurredAt().isBefore(c.utcStart()) ? "（前月以前に発生・継続中）" : ""));
            card.row("検知", Jp.dateTime(c.local(row.detectedAt())) + "　" + row.detectedBy());
            card.row("対象", or(row.accounts()));
            card.row("影響", or(row.impact()));
            card.row("原因", or(row.cause()));
            card.row("対応・再発防止策", or(row.measures()));
            card.row("情報共有", or(row.sharedWith()) + (row.sharedAt() == null ? ""
                    : "（" + Jp.dateTime(c.local(row.sharedAt())) + "）"));
            card.row("状態", row.status() + (row.resolvedAt() == null ? ""
                    : "（復旧 " + Jp.dateTime(c.local(row.resolvedAt())) + "）")
                    + (row.findingId() == null ? "" : "　関連検知 #" + row.findingId()));
            String check = check(c, row, cited);
            if (check != null) {
                card.row("記録の確認", "要確認：" + check);
                contradictions.add(row.id());
            }
            s.table(card, "");
        }
        if (!contradictions.isEmpty()) {
            s.note("記録の確認：" + String.join("、", contradictions) + " は、記録された日時が関連検知の記録と食い違う"
                    + "（インシデント記録の訂正又は経緯の補記が必要）。");
        }
        return s;
    }

    /**
     * Cross-checks an incident against the finding it cites: it cannot have been detected from the finding's notice
     * before the finding's event occurred.
     */
    private static String check(ReportContext c, OperatorRecordQuery.Incident incident, Map<Long, Findings.Finding> cited) {
        if (incident.findingId() == null) {
            return null;
        }
        Findings.Finding f = cited.get(incident.findingId());
        if (f == null) {
            return "関連検知 #" + incident.findingId() + " の記録がない";
        }
        List<String> problems = new ArrayList<>();
        if (incident.detectedAt() != null && incident.detectedAt().isBefore(f.time())) {
            problems.add("検知 " + Jp.dateTime(c.local(incident.detectedAt())) + " が、根拠とする関連検知 #" + f.id()
                    + " の事象の発生 " + Jp.dateTime(c.local(f.time())) + " より前");
        }
        return problems.isEmpty() ? null : String.join("、", problems);
    }

    static String or(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
