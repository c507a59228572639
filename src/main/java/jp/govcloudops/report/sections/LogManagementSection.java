package jp.govcloudops.report.sections;

import java.util.List;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.LogCollectionQuery;
import jp.govcloudops.report.query.MonthUsage;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 8 ログ管理: what was collected (objects, records, volume per log type and account, from the manifest), which data
 * was missing (data gaps) and which input could not be read or placed (quarantine). Partitions count by their
 * folder date (the UTC date in the object key), as the manifest keeps them. Last, ログ保全: the trail integrity
 * check's results ({@link LogKeepingWriter}).
 */
@Component
@Order(8)
public class LogManagementSection implements SectionWriter {

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("8", "ログ管理");
        s.paragraph("監査証跡（CloudTrail）及び VPC フローログを収集・保管した。件数は取込み台帳（source_object）による"
                + "（対象：S3 キーの日付フォルダが " + Jp.day(c.first()) + "〜" + Jp.day(c.last()) + " のもの）。");
        collected(c, s);
        perAccount(c, s);
        gaps(c, s);
        quarantine(c, s);
        LogKeepingWriter.write(c, s);
        return s;
    }

    private static String logTypeLabel(String logType) {
        return switch (logType) {
            case "cloudtrail" -> "CloudTrail（監査証跡）";
            case "cloudtrail-insight" -> "CloudTrail Insights";
            case "vpcflow" -> "VPC フローログ";
            default -> logType;
        };
    }

    private void collected(ReportContext c, Section s) {
        s.subsection("収集状況（ログ種別）");
        List<LogCollectionQuery.ByLogType> rows = LogCollectionQuery.byLogType(c);
        Table table = new Table(Column.text("ログ種別", 4), Column.number("アカウント数", 2), Column.number("オブジェクト数", 2),
                Column.number("レコード数", 3), Column.number("容量（圧縮）", 2), Column.number("隔離レコード", 2),
                Column.number("読取不能", 2));
        long objects = 0;
        long records = 0;
        long bytes = 0;
        long quarantined = 0;
        long failed = 0;
        for (LogCollectionQuery.ByLogType row : rows) {
            objects += row.objects();
            records += row.records();
            bytes += row.bytes();
            quarantined += row.quarantined();
            failed += row.failed();
            table.row(logTypeLabel(row.logType()), Jp.count(row.accounts()), Jp.count(row.objects()),
                    Jp.count(row.records()), Jp.bytes(row.bytes()), Jp.count(row.quarantined()), Jp.count(row.failed()));
        }
        if (!table.isEmpty()) {
            table.totalRow("合計", "", Jp.count(objects), Jp.count(records), Jp.bytes(bytes), Jp.count(quarantined),
                    Jp.count(failed));
        }
        s.table(table, "該当なし（当月の日付フォルダのログは取り込まれていない）");
        reconcile(c, s, rows);
    }

    /**
     * One line tying this chapter's record counts (by the UTC date folders of the S3 keys) to those of 1 総括 and
     * 3 稼働状況 (by the Japan-time calendar days of the events), which differ by the hours at the month's edges.
     */
    private static void reconcile(ReportContext c, Section s, List<LogCollectionQuery.ByLogType> rows) {
        MonthUsage usage = MonthUsage.of(c, c.month());
        long events = usage.cloudtrail().stream().mapToLong(MonthUsage.CloudTrailDay::events).sum();
        long flows = usage.flows().stream().mapToLong(MonthUsage.FlowDay::flows).sum();
        long cloudtrailRecords = rows.stream().filter(r -> r.logType().equals("cloudtrail"))
                .mapToLong(LogCollectionQuery.ByLogType::records).sum();
        long flowRecords = rows.stream().filter(r -> r.logType().equals("vpcflow"))
                .mapToLong(LogCollectionQuery.ByLogType::records).sum();
        if (cloudtrailRecords + flowRecords == 0) {
            return;
        }
        s.note("照合：本章のレコード数は S3 キーの日付フォルダ（UTC）基準、1 章・3 章の件数は日本時間の暦日基準。CloudTrail "
                + Jp.count(cloudtrailRecords) + " 件（本章）と " + Jp.count(events) + " 件（1 章）の差 "
                + Jp.delta(cloudtrailRecords, events) + " 件、フローログ " + Jp.count(flowRecords) + " 件と " + Jp.count(flows)
                + " 件の差 " + Jp.delta(flowRecords, flows) + " 件は、月初・月末の 9 時間（UTC と日本時間の差）の帰属の違いと"
                + "隔離したレコードによる。");
    }

    private void perAccount(ReportContext c, Section s) {
        s.subsection("収集状況（アカウント別）");
        Table table = new Table(Column.text("アカウント", 5), Column.number("CloudTrail オブジェクト", 2),
                Column.number("CloudTrail レコード", 2), Column.number("フローログ オブジェクト", 2),
                Column.number("フローログ レコード", 2), Column.number("容量（圧縮）", 2));
        for (LogCollectionQuery.ByAccount row : LogCollectionQuery.byAccount(c)) {
            table.row(c.accountLabel(row.accountId()), Jp.count(row.cloudtrailObjects()), Jp.count(row.cloudtrailRecords()),
                    Jp.count(row.flowObjects()), Jp.count(row.flowRecords()), Jp.bytes(row.bytes()));
        }
        s.table(table, "該当なし");
    }

    private void gaps(ReportContext c, Section s) {
        s.subsection("データ欠損");
        Table table = new Table(Column.text("日付フォルダ", 2), Column.text("アカウント", 4), Column.text("リージョン", 3),
                Column.text("ログ種別", 3), Column.text("内容", 5), Column.text("検知（JST）", 3), Column.text("状態", 3));
        for (LogCollectionQuery.Gap gap : LogCollectionQuery.gaps(c)) {
            String what = switch (gap.kind()) {
                case "UNREADABLE_OBJECT" -> "読取不能: " + Jp.clip(lastPart(gap.objectKey()), 60);
                case "DIGEST_MISSING" -> "ダイジェストなし: " + gap.objectKey();
                case "PUBLIC_KEY_MISSING" -> "公開鍵なし: " + Jp.clip(lastPart(gap.objectKey()), 60);
                default -> "オブジェクトなし";
            };
            var resolved = gap.resolvedAt();
            table.row(Jp.day(gap.folderDate()), c.accountLabel(gap.accountId()), gap.region(), logTypeLabel(gap.logType()),
                    what, Jp.dateTime(c.local(gap.firstDetectedAt())),
                    resolved == null ? "未解消" : "解消 " + Jp.dateTime(c.local(resolved)));
        }
        s.table(table, "該当なし（当月の日付フォルダに欠損・読取不能の記録はない）");
    }

    private static String lastPart(String key) {
        return key == null ? "" : key.substring(key.lastIndexOf('/') + 1);
    }

    private void quarantine(ReportContext c, Section s) {
        s.subsection("隔離した入力（読み取れないレコード）");
        List<LogCollectionQuery.Quarantined> rows = LogCollectionQuery.quarantined(c);
        Table table = new Table(Column.text("ログ種別", 3), Column.text("理由", 8), Column.number("オブジェクト数", 2),
                Column.number("レコード数", 2));
        int shown = 0;
        for (LogCollectionQuery.Quarantined row : rows) {
            if (shown++ == c.report().topRows()) {
                break;
            }
            table.row(logTypeLabel(row.logType()), Jp.clip(row.reason(), 120), Jp.count(row.objects()),
                    Jp.count(row.records()));
        }
        s.table(table, "該当なし（当月の取込みで隔離したレコードはない）");
        if (rows.size() > c.report().topRows()) {
            s.note("上位 " + c.report().topRows() + " 件の理由を示した（全 " + rows.size() + " 種類）。明細は quarantine テーブル。");
        }
    }
}
