package jp.govcloudops.report.sections;

import java.time.Duration;
import java.util.List;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.EffortQuery;
import jp.govcloudops.report.query.JobRunQuery;
import jp.govcloudops.report.query.Findings;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** 付録: every finding and every effort entry of the month, the batch job runs, and a glossary. */
@Component
@Order(100)
public class AppendixSection implements SectionWriter {

    private static final java.time.format.DateTimeFormatter HOUR_MINUTE = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    @Override
    public Section write(ReportContext c) {
        Section s = new Section(null, "付録");
        findings(c, s);
        effort(c, s);
        jobs(c, s);
        glossary(s);
        return s;
    }

    private void findings(ReportContext c, Section s) {
        s.subsection("付録A　検知一覧");
        Table table = new Table(Column.number("ID", 1), Column.text("発生日時（JST）", 3), Column.text("重要度", 3),
                Column.text("ルール", 5), Column.text("アカウント", 3), Column.text("実行主体", 5), Column.text("状態", 2));
        for (Findings.Finding f : Findings.ofMonth(c)) {
            table.row(f.id(), Jp.dateTime(c.local(f.time())) + "（" + Findings.hoursLabel(f.inServiceHours()) + "）",
                    Findings.severityLabel(f.severity()), f.ruleId() + " " + Jp.clip(f.title(), 40), c.settings().accountName(f.accountId()),
                    Jp.clip(f.principal(), 50), f.status());
        }
        s.table(table, Findings.available(c) ? "該当なし（当月の検知はない）" : "該当なし（検知結果の記録がストアにない）");
    }

    private void effort(ReportContext c, Section s) {
        s.subsection("付録B　作業実績明細");
        Table table = new Table(Column.text("作業日", 2), Column.text("開始", 1), Column.text("作業区分", 3),
                Column.number("時間", 1), Column.number("うち時間外", 2), Column.text("担当", 2), Column.number("検知", 1),
                Column.text("内容", 6));
        for (EffortQuery.Entry e : EffortQuery.entries(c)) {
            table.row(Jp.day(e.workDate()), e.start() == null ? "" : e.start().format(HOUR_MINUTE), e.category(),
                    Jp.hours(e.hours()), Jp.hours(e.outside()), e.person(), e.findingId() == null ? "" : e.findingId(),
                    Jp.clip(e.note(), 120));
        }
        s.table(table, "該当なし（当月の作業実績は記録されていない）");
    }

    /** The runs that ingested the month's logs, whenever they ran, and those started in the month; Japan time. */
    private void jobs(ReportContext c, Section s) {
        s.subsection("付録C　バッチ処理の実行履歴");
        List<JobRunQuery.Run> rows = JobRunQuery.forMonth(c);
        Table table = new Table(Column.text("ジョブ", 3), Column.number("実行 ID", 2), Column.text("開始（JST）", 3),
                Column.text("終了（JST）", 3), Column.number("所要", 2), Column.number("当月分の取込み", 2),
                Column.text("結果", 3));
        for (JobRunQuery.Run r : rows) {
            table.row(r.jobName(), r.executionId(), Jp.dateTime(r.start()), Jp.dateTime(r.end()),
                    r.end() == null ? "—" : duration(Duration.between(r.start(), r.end())),
                    r.objects() == 0 ? "—" : Jp.count(r.objects()) + " 件",
                    r.status() + (r.exitCode() == null || r.exitCode().equals(r.status()) ? "" : " / " + r.exitCode()));
        }
        s.table(table, "該当なし（当月のログを取り込んだ実行も、当月に開始した実行もない）");
        long failed = rows.stream().filter(r -> !"COMPLETED".equals(r.status())).count();
        if (!rows.isEmpty()) {
            s.note("当月の日付フォルダのログを取り込んだ実行（実行日を問わない）と、当月に開始した実行。「当月分の取込み」は"
                    + "その実行が取り込んだ当月分のログオブジェクト数。実行 " + rows.size() + " 回（うち COMPLETED 以外 " + failed
                    + " 回）。失敗した実行は同じコマンドの再実行で再開される。");
        }
    }

    private static String duration(Duration d) {
        long seconds = d.getSeconds();
        return seconds < 60 ? seconds + " 秒" : seconds < 3600 ? String.format("%d分%02d秒", seconds / 60, seconds % 60)
                : String.format("%d時間%02d分", seconds / 3600, seconds % 3600 / 60);
    }

    private void glossary(Section s) {
        s.subsection("付録D　用語集");
        Table table = new Table(Column.text("用語", 2), Column.text("説明", 8));
        table.row("ガバメントクラウド", "デジタル庁が提供する政府共通のクラウドサービス利用環境（本業務では AWS）。");
        table.row("LGCS", "地方公共団体情報システム機構が提供する総合行政ネットワーク（LGWAN）接続系の回線サービス。庁内ネットワークとの接続境界。");
        table.row("ASP", "標準準拠システムを提供するアプリケーション事業者。Transit Gateway・PrivateLink 経由で接続する。");
        table.row("CloudTrail", "AWS の API 操作の記録（監査証跡）。変更系 API は readOnly=false のもの。");
        table.row("VPC フローログ", "VPC のネットワークインターフェースを通過した通信の記録。ACCEPT（許可）/ REJECT（拒否）を含む。");
        table.row("受付時間", "運用管理補助者が検知に対応する時間帯（平日 8:30〜17:15、土日・祝日・年末年始を除く）。");
        table.row("必須適用テンプレート", "デジタル庁が全アカウントへの適用を求める設定（CloudTrail、Config、GuardDuty 等）。");
        table.row("データ欠損", "通常は届くログが届かなかった日、又は読み取れなかったログファイル。");
        table.row("隔離", "形式の誤り等で集計できなかったレコード。オブジェクトと位置、理由を記録する。");
        s.table(table, "");
    }
}
