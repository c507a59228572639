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
        List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT p.log_type, COUNT(DISTINCT p.account_id) AS accounts,"
                + " SUM(CASE WHEN o.state = 'ACTIVE' THEN 1 ELSE 0 END) AS objects,"
                + " COALESCE(SUM(CASE WHEN o.state = 'ACTIVE' THEN o.records ELSE 0 END), 0) AS records,"
                + " COALESCE(SUM(CASE WHEN o.state = 'ACTIVE' THEN o.size_bytes ELSE 0 END), 0) AS bytes,"
                + " COALESCE(SUM(CASE WHEN o.state = 'ACTIVE' THEN o.quarantined ELSE 0 END), 0) AS quarantined,"
                + " SUM(CASE WHEN o.state = 'FAILED' THEN 1 ELSE 0 END) AS failed"
                + " FROM log_partition p JOIN source_object o ON o.partition_id = p.id"
                + " WHERE p.folder_date BETWEEN ? AND ? GROUP BY p.log_type ORDER BY p.log_type", c.first(), c.last());
        Table table = new Table(Column.text("ログ種別", 4), Column.number("アカウント数", 2), Column.number("オブジェクト数", 2),
                Column.number("レコード数", 3), Column.number("容量（圧縮）", 2), Column.number("隔離レコード", 2),
                Column.number("読取不能", 2));
        long objects = 0;
        long records = 0;
        long bytes = 0;
        long quarantined = 0;
        long failed = 0;
        for (Map<String, Object> row : rows) {
            objects += Rows.num(row, "objects");
            records += Rows.num(row, "records");
            bytes += Rows.num(row, "bytes");
            quarantined += Rows.num(row, "quarantined");
            failed += Rows.num(row, "failed");
            table.row(logTypeLabel(Rows.text(row, "log_type")), Jp.count(Rows.num(row, "accounts")),
                    Jp.count(Rows.num(row, "objects")), Jp.count(Rows.num(row, "records")), Jp.bytes(Rows.num(row, "bytes")),
                    Jp.count(Rows.num(row, "quarantined")), Jp.count(Rows.num(row, "failed")));
        }
        if (!table.isEmpty()) {
            table.totalRow("合計", "", Jp.count(objects), Jp.count(records), Jp.bytes(bytes), Jp.count(quarantined),
                    Jp.count(failed));
        }
        s.table(table, "該当なし（当月の日付フォルダのログは取り込まれていない）");
    }

    private void perAccount(ReportContext c, Section s) {
        s.subsection("収集状況（アカウント別）");
        List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT p.account_id,"
                + " SUM(CASE WHEN p.log_type = 'cloudtrail' THEN 1 ELSE 0 END) AS ct_objects,"
                + " COALESCE(SUM(CASE WHEN p.log_type = 'cloudtrail' THEN o.records ELSE 0 END), 0) AS ct_records,"
                + " SUM(CASE WHEN p.log_type = 'vpcflow' THEN 1 ELSE 0 END) AS flow_objects,"
                + " COALESCE(SUM(CASE WHEN p.log_type = 'vpcflow' THEN o.records ELSE 0 END), 0) AS flow_records,"
                + " COALESCE(SUM(o.size_bytes), 0) AS bytes"
                + " FROM log_partition p JOIN source_object o ON o.partition_id = p.id AND o.state = 'ACTIVE'"
                + " WHERE p.folder_date BETWEEN ? AND ? GROUP BY p.account_id ORDER BY p.account_id", c.first(), c.last());
        Table table = new Table(Column.text("アカウント", 5), Column.number("CloudTrail オブジェクト", 2),
                Column.number("CloudTrail レコード", 2), Column.number("フローログ オブジェクト", 2),
                Column.number("フローログ レコード", 2), Column.number("容量（圧縮）", 2));
        for (Map<String, Object> row : rows) {
            table.row(c.accountLabel(Rows.text(row, "account_id")), Jp.count(Rows.num(row, "ct_objects")),
                    Jp.count(Rows.num(row, "ct_records")), Jp.count(Rows.num(row, "flow_objects")),
                    Jp.count(Rows.num(row, "flow_records")), Jp.bytes(Rows.num(row, "bytes")));
        }
        s.table(table, "該当なし");
    }

    private void gaps(ReportContext c, Section s) {
        s.subsection("データ欠損");
        List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT p.folder_date, p.account_id, p.region, p.log_type,"
                + " g.kind, g.object_key, g.first_detected_at, g.resolved_at FROM data_gap g"
                + " JOIN log_partition p ON p.id = g.partition_id WHERE p.folder_date BETWEEN ? AND ?"
                + " ORDER BY p.folder_date, p.account_id, p.region, p.log_type, g.kind, g.object_key", c.first(), c.last());
        Table table = new Table(Column.text("日付フォルダ", 2), Column.text("アカウント", 4), Column.text("リージョン", 3),
                Column.text("ログ種別", 3), Column.text("内容", 5), Column.text("検知（JST）", 3), Column.text("状態", 3));
        for (Map<String, Object> row : rows) {
            String what = switch (Rows.text(row, "kind")) {
                case "UNREADABLE_OBJECT" -> "読取不能: " + Jp.clip(lastPart(Rows.text(row, "object_key")), 60);
                case "DIGEST_MISSING" -> "ダイジェストなし: " + Rows.text(row, "object_key");
                case "PUBLIC_KEY_MISSING" -> "公開鍵なし: " + Jp.clip(lastPart(Rows.text(row, "object_key")), 60);
                default -> "オブジェクトなし";
            };
            var resolved = Rows.timestamp(row, "resolved_at");
            table.row(Jp.day(Rows.date(row, "folder_date")), c.accountLabel(Rows.text(row, "account_id")), Rows.text(row, "region"),
                    logTypeLabel(Rows.text(row, "log_type")), what, Jp.dateTime(c.local(Rows.timestamp(row, "first_detected_at"))),
                    resolved == null ? "未解消" : "解消 " + Jp.dateTime(c.local(resolved)));
        }
        s.table(table, "該当なし（当月の日付フォルダに欠損・読取不能の記録はない）");
    }

    private static String lastPart(String key) {
        return key == null ? "" : key.substring(key.lastIndexOf('/') + 1);
    }

    private void quarantine(ReportContext c, Section s) {
        s.subsection("隔離した入力（読み取れないレコード）");
        List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT p.log_type, q.reason,"
                + " COUNT(DISTINCT q.object_id) AS objects, SUM(q.records) AS records FROM quarantine q"
                + " JOIN source_object o ON o.id = q.object_id AND o.state = 'ACTIVE'"
                + " JOIN log_partition p ON p.id = q.partition_id WHERE p.folder_date BETWEEN ? AND ?"
                + " GROUP BY p.log_type, q.reason ORDER BY SUM(q.records) DESC, q.reason", c.first(), c.last());
        Table table = new Table(Column.text("ログ種別", 3), Column.text("理由", 8), Column.number("オブジェクト数", 2),
                Column.number("レコード数", 2));
        int shown = 0;
        for (Map<String, Object> row : rows) {
            if (shown++ == c.report().topRows()) {
                break;
            }
            table.row(logTypeLabel(Rows.text(row, "log_type")), Jp.clip(Rows.text(row, "reason"), 120),
                    Jp.count(Rows.num(row, "objects")), Jp.count(Rows.num(row, "records")));
        }
        s.table(table, "該当なし（当月の取込みで隔離したレコードはない）");
        if (rows.size() > c.report().topRows()) {
            s.note("上位 " + c.report().topRows() + " 件の理由を示した（全 " + rows.size() + " 種類）。明細は quarantine テーブル。");
        }
    }
}
