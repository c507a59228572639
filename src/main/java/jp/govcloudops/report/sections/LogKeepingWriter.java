package jp.govcloudops.report.sections;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.query.TrailIntegrityQuery;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;

/**
 * Lays out the "ログ保全" subsection of 8 ログ管理 from {@link TrailIntegrityQuery}: whether the month's audit trail
 * can be trusted (digest validation per account and region, with its coverage), which files were not, and the
 * log-keeping settings changed in the month.
 */
final class LogKeepingWriter {

    private LogKeepingWriter() {
    }

    static void write(ReportContext c, Section s) {
        TrailIntegrityQuery.Result r = TrailIntegrityQuery.load(c, c.report().topRows());
        s.subsection("ログ保全");
        s.paragraph("CloudTrail のダイジェストファイル（CloudTrail が 1 時間ごとに署名し、配信したログファイルの SHA-256 を"
                + "記録する）により、ログファイルの削除・改変・追加がないことを時間帯ごとに検証した（verify-trail、夜間処理）。"
                + "ダイジェスト被覆率は、当月の " + Jp.count(r.monthHours()) + " 時間のうちダイジェストのある時間の割合。");
        Table table = new Table(Column.text("アカウント", 4), Column.text("リージョン", 3), Column.number("検証時間数", 2),
                Column.number("正常", 2), Column.number("改ざん等", 2), Column.number("欠落・未証明", 2),
                Column.number("ダイジェスト被覆率", 2), Column.text("判定", 2));
        long notYetCovered = 0;
        long files = 0;
        long validFiles = 0;
        for (TrailIntegrityQuery.StreamMonth m : r.streams()) {
            boolean incomplete = m.gaps() > 0 || m.unproven() > 0;
            table.row(c.accountLabel(m.accountId()), m.region(), Jp.count(m.hours()), Jp.count(m.valid()),
                    Jp.count(m.tampering()), Jp.count(m.gaps() + m.unproven()), Jp.percent(m.withDigest(), r.monthHours()),
                    m.tampering() > 0 ? "改ざん等あり" : incomplete ? "一部未証明" : "正常");
            notYetCovered += m.notYetCovered();
            files += m.logFiles();
            validFiles += m.validFiles();
        }
        s.table(table, "該当なし（当月の検証結果はない。verify-trail を実行するか、夜間処理の trail-integrity を確認する）");
        if (!r.streams().isEmpty()) {
            s.note("ダイジェストが記載したログファイル " + Jp.count(files) + " 件のうち " + Jp.count(validFiles)
                    + " 件のハッシュが一致した。「欠落・未証明」はダイジェストがない時間と、署名または公開鍵がなく署名を"
                    + "検証できなかった時間（ハッシュとチェーンは検証済み）。"
                    + (notYetCovered > 0 ? "ダイジェスト未到着の時間 " + Jp.count(notYetCovered) + " 件は翌日以降に検証する。" : ""));
        }

        Table problems = new Table(Column.text("時間帯（JST）", 3), Column.text("アカウント", 4), Column.text("リージョン", 3),
                Column.text("結果", 3), Column.text("ファイル", 8));
        for (TrailIntegrityQuery.ProblemFile p : r.problems()) {
            problems.row(Jp.dateTime(c.local(p.hourUtc())), c.accountLabel(p.accountId()), p.region(),
                    p.status().labelJa(), Jp.clip(p.objectKey().substring(p.objectKey().lastIndexOf('/') + 1), 90));
        }
        s.table(problems, "該当なし（削除・改変・追加されたログファイル、欠けたダイジェストはない）");
        if (r.problemCount() > r.problems().size()) {
            s.note("先頭 " + r.problems().size() + " 件を示した（全 " + Jp.count(r.problemCount())
                    + " 件）。明細はビュー trail_integrity_problems。");
        }

        Table events = new Table(Column.text("日時（JST）", 3), Column.text("アカウント", 4), Column.text("操作", 4),
                Column.text("対象", 5), Column.text("設定内容", 5));
        for (TrailIntegrityQuery.KeepingEvent e : r.events()) {
            events.row(Jp.dateTime(c.local(e.timeUtc())), c.accountLabel(e.accountId()), e.eventName(),
                    Jp.clip(e.resource() == null ? "-" : e.resource(), 60), e.setting() == null ? "-" : e.setting());
        }
        s.paragraph("保存期間・保護設定の変更（ライフサイクル、バージョニング、Object Lock、バケットポリシー削除、"
                + "イベントセレクター、ログ記録の停止・開始、KMS キーの無効化・削除予約）：");
        s.table(events, "該当なし（当月の CloudTrail にログ保全の設定を変える操作はない）");
    }
}
