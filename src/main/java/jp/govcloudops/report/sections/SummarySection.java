package jp.govcloudops.report.sections;

import java.math.BigDecimal;
import java.util.List;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.Findings;
import jp.govcloudops.report.query.KeyFigures;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** 1 総括: the month in a few sentences and the key figures against the previous month. */
@Component
@Order(1)
public class SummarySection implements SectionWriter {

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("1", "総括");
        List<KeyFigures.Figure> now = KeyFigures.of(c, c.month());
        List<KeyFigures.Figure> before = KeyFigures.of(c, c.previous());
        s.paragraph(summary(c, now));
        s.subsection("主要指標（前月比較）");
        Table table = new Table(Column.text("項目", 5), Column.number("当月", 3), Column.number("前月", 3),
                Column.number("増減", 2), Column.number("増減率", 2));
        boolean anyPrevious = false;
        for (KeyFigures.Figure figure : now) {
            KeyFigures.Figure previous = before.stream().filter(f -> f.label().equals(figure.label())).findFirst()
                    .orElse(new KeyFigures.Figure(figure.label(), null, figure.unit()));
            anyPrevious |= previous.hasValue();
            table.row(figure.label(), figure.formatted(), previous.formatted(), delta(figure, previous),
                    figure.hasValue() && previous.hasValue()
                            ? Jp.percentChange(figure.value().doubleValue(), previous.value().doubleValue()) : "—");
        }
        s.table(table, "該当なし");
        s.note("各指標はストアの集計ビュー・台帳に対する集計値（日付は日本時間、取込み件数は日付フォルダ基準）。各章に内訳を示す。"
                + "「—」はデータなし（" + (anyPrevious ? "その月のログ・記録がストアにない" : "前月のログ・記録はストアにない")
                + "）を示し、0 件とは区別する。");
        return s;
    }

    /** The change from the previous month, in the figure's unit; 「—」 when either month has no data. */
    private static String delta(KeyFigures.Figure figure, KeyFigures.Figure previous) {
        if (!figure.hasValue() || !previous.hasValue()) {
            return "—";
        }
        BigDecimal now = figure.value();
        BigDecimal before = previous.value();
        return switch (figure.unit()) {
            case "count" -> Jp.delta(now.longValue(), before.longValue());
            case "bytes" -> (now.compareTo(before) >= 0 ? "+" : "−") + Jp.bytes(now.subtract(before).abs().longValue());
            default -> (now.compareTo(before) > 0 ? "+" : "")
                    + new KeyFigures.Figure("", now.subtract(before), figure.unit()).formatted();
        };
    }

    private static String summary(ReportContext c, List<KeyFigures.Figure> figures) {
        StringBuilder text = new StringBuilder();
        long incidents = value(figures, "障害・インシデント件数");
        long major = value(figures, "うち重大");
        text.append("当月（").append(jp.govcloudops.report.Wareki.month(c.month())).append("）の重大な障害・インシデントは")
                .append(major == 0 ? "なし" : major + " 件").append("（障害・インシデント計 ").append(incidents).append(" 件）。");
        if (Findings.available(c)) {
            text.append("検知は ").append(Jp.count(value(figures, "検知件数"))).append(" 件（うち重要度 高（HIGH）以上 ")
                    .append(Jp.count(value(figures, "うち重要度 高（HIGH）以上"))).append(" 件）。");
        } else {
            text.append("検知機能は未導入のため検知件数の報告はない。");
        }
        text.append("ログは ").append(value(figures, "ログを受信したアカウント数")).append(" アカウントから受信し、CloudTrail イベント ")
                .append(Jp.count(value(figures, "CloudTrail イベント数"))).append(" 件、フローログ ")
                .append(Jp.count(value(figures, "VPC フローログ レコード数"))).append(" 件を取り込んだ。");
        long gaps = value(figures, "データ欠損（記録件数）");
        text.append(gaps == 0 ? "データ欠損の記録はない。" : "データ欠損の記録が " + gaps + " 件ある（8 ログ管理）。");
        figures.stream().filter(f -> f.label().startsWith("利用料")).forEach(f -> text.append("利用料（概算）は ")
                .append(f.formatted()).append("。"));
        figures.stream().filter(f -> f.label().startsWith("作業工数") && f.hasValue()).findFirst().ifPresentOrElse(
                f -> text.append("作業工数は計 ").append(f.formatted()).append(" 人時。"),
                () -> text.append("作業工数の記録はない。"));
        return text.toString();
    }

    private static long value(List<KeyFigures.Figure> figures, String label) {
        return figures.stream().filter(f -> f.label().equals(label) && f.hasValue()).findFirst()
                .map(f -> f.value().longValue()).orElse(0L);
    }
}
