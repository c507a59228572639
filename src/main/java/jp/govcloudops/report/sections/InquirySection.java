package jp.govcloudops.report.sections;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.OperatorRecordQuery;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** 10 問合せ対応: inquiries received in the month and those still open from before, with their answers. */
@Component
@Order(10)
public class InquirySection implements SectionWriter {

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("10", "問合せ対応");
        List<OperatorRecordQuery.Inquiry> rows = OperatorRecordQuery.inquiries(c);
        if (rows.isEmpty()) {
            s.none("該当なし（当月に受け付けた問合せはない）");
            return s;
        }
        long answered = rows.stream().filter(r -> !"対応中".equals(r.status())).count();
        s.paragraph("当月の問合せは " + rows.size() + " 件（回答済・完了 " + answered + " 件、対応中 " + (rows.size() - answered) + " 件）。");
        Table table = new Table(Column.text("番号", 3), Column.text("受付（JST）", 3), Column.text("問合せ元・経路", 4),
                Column.text("件名", 5), Column.text("回答・対応", 5), Column.text("状態", 2), Column.number("所要（時間）", 2));
        for (OperatorRecordQuery.Inquiry row : rows) {
            LocalDateTime received = row.receivedAt();
            LocalDateTime answeredAt = row.answeredAt();
            table.row(row.id(), Jp.dateTime(c.local(received)), row.requester() + "（" + row.channel() + "）",
                    row.subject(), IncidentSection.or(row.answer()), row.status(),
                    answeredAt == null ? "—" : String.format("%.1f", Duration.between(received, answeredAt).toMinutes() / 60.0));
        }
        s.table(table, "該当なし");
        return s;
    }
}
