package jp.govcloudops.report.sections;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.govcloudops.aggregate.Boundary;
import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.TrafficQuery;
import jp.govcloudops.report.query.MonthUsage;
import jp.govcloudops.report.query.EstateAccounts;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import jp.govcloudops.report.render.ReportCharts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 3 稼働状況: whether each account's logs arrived every day (the evidence that logging and the estate were up), and
 * the traffic over each network boundary (LGCS, ASP, VPC, internet) from the flow logs.
 */
@Component
@Order(3)
public class OperationStatusSection implements SectionWriter {

    static final String[] COVERAGE_STATES = {"両方あり", "CloudTrailのみ", "フローログのみ", "なし", "対象外（未到来）"};
    private static final Color[] COVERAGE_COLORS = {new Color(0x70AD47), new Color(0xFFC000), new Color(0x5B9BD5),
            new Color(0xC00000), new Color(0xE7E6E6)};

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("3", "稼働状況");
        s.paragraph("ログの到着状況（アカウント別・日別）と、VPC フローログによる境界別の通信状況から稼働状況を確認した。"
                + "日付は日本時間（" + c.zone().getId() + "）の暦日で集計している。");
        coverage(c, s);
        traffic(c, s);
        return s;
    }

    private void coverage(ReportContext c, Section s) {
        s.subsection("ログ収集状況（アカウント別・日別）");
        List<String> accounts = EstateAccounts.of(c);
        MonthUsage usage = MonthUsage.of(c, c.month());
        Map<String, Set<LocalDate>> cloudtrail = usage.cloudtrailDays();
        Map<String, Set<LocalDate>> flow = usage.flowDays();
        List<LocalDate> days = c.first().datesUntil(c.last().plusDays(1)).toList();
        LocalDate lastCounted = c.lastCountedDay();
        long countedDays = days.stream().filter(d -> !d.isAfter(lastCounted)).count();
        Table table = new Table(Column.text("アカウント", 5), Column.number("CloudTrail 受信日数", 2),
                Column.number("フローログ 受信日数", 2), Column.text("欠損日（受信なし）", 5));
        int[][] states = new int[accounts.size()][days.size()];
        boolean any = false;
        for (int a = 0; a < accounts.size(); a++) {
            String account = accounts.get(a);
            Set<LocalDate> ct = cloudtrail.getOrDefault(account, Set.of());
            Set<LocalDate> fl = flow.getOrDefault(account, Set.of());
            any |= !ct.isEmpty() || !fl.isEmpty();
            List<LocalDate> missing = new ArrayList<>();
            for (int d = 0; d < days.size(); d++) {
                LocalDate day = days.get(d);
                boolean hasCt = ct.contains(day);
                boolean hasFlow = fl.contains(day);
                states[a][d] = day.isAfter(lastCounted) ? 4 : hasCt && hasFlow ? 0 : hasCt ? 1 : hasFlow ? 2 : 3;
                // A stream the account has at all this month is expected every day.
                boolean expectedMissing = (!ct.isEmpty() && !hasCt) || (!fl.isEmpty() && !hasFlow) || (ct.isEmpty() && fl.isEmpty());
                if (!day.isAfter(lastCounted) && expectedMissing) {
                    missing.add(day);
                }
            }
            String gaps = ct.isEmpty() && fl.isEmpty() ? "当月のログなし" : missing.isEmpty() ? "なし" : Jp.dayRanges(missing);
            table.row(c.accountLabel(account), ct.size() + " / " + countedDays, fl.size() + " / " + countedDays, gaps);
        }
        if (!any) {
            s.none("該当なし（当月のログはストアにない。取込み（nightly / reprocess）の実行状況を確認すること）");
            return;
        }
        s.table(table, "該当なし");
        List<String> rowLabels = accounts.stream().map(c.settings()::accountName).toList();
        List<String> dayLabels = days.stream().map(d -> String.valueOf(d.getDayOfMonth())).toList();
        s.chart(ReportCharts.grid("アカウント別・日別のログ受信状況", rowLabels, dayLabels, states, COVERAGE_STATES,
                COVERAGE_COLORS));
        s.note("受信日数は、その日（日本時間）のイベントまたはフローを1件以上含むログを受信した日数。"
                + "欠損日は、当月に受信実績のあるログ種別が届かなかった日。取込みの欠損記録は「8 ログ管理」を参照。");
    }

    private void traffic(ReportContext c, Section s) {
        s.subsection("境界別の通信状況（LGCS・ASP・VPC・インターネット）");
        // One pass for the month by day and peer (the table, the day count and the chart all come from it), one
        // for the previous month's totals.
        List<TrafficQuery.PeerDay> daily = TrafficQuery.daily(c);
        Map<String, Long> previousBytes = TrafficQuery.previousBytes(c);
        Map<String, long[]> byPeer = new LinkedHashMap<>();
        for (TrafficQuery.PeerDay row : daily) {
            long[] t = byPeer.computeIfAbsent(row.peer(), k -> new long[4]);
            t[0] += row.flows();
            t[1] += row.bytes();
            t[2] += row.rejected();
            t[3]++;
        }
        Table table = new Table(Column.text("接続先境界", 3), Column.number("通信日数", 2), Column.number("フロー数", 2),
                Column.number("通信量", 2), Column.number("前月比", 2), Column.number("拒否フロー", 2),
                Column.number("拒否率", 2));
        long totalFlows = 0;
        long totalBytes = 0;
        long totalRejected = 0;
        for (Boundary boundary : Boundary.values()) {
            long[] t = byPeer.get(boundary.name());
            // Records without addresses (NODATA, SKIPDATA: the interface saw no traffic, or records were skipped)
            // are not traffic over any boundary; they are shown apart, below the total.
            if (t == null || boundary == Boundary.UNKNOWN) {
                continue;
            }
            long flows = t[0];
            long bytes = t[1];
            long rejected = t[2];
            totalFlows += flows;
            totalBytes += bytes;
            totalRejected += rejected;
            table.row(label(boundary), t[3] + " 日", Jp.count(flows), Jp.bytes(bytes),
                    Jp.percentChange(bytes, previousBytes.getOrDefault(boundary.name(), 0L)), Jp.count(rejected),
                    Jp.percent(rejected, flows));
        }
        if (table.isEmpty()) {
            s.none("該当なし（当月の VPC フローログはストアにない）");
            return;
        }
        table.totalRow("合計", "", Jp.count(totalFlows), Jp.bytes(totalBytes),
                Jp.percentChange(totalBytes, previousBytes.values().stream().mapToLong(Long::longValue).sum()),
                Jp.count(totalRejected), Jp.percent(totalRejected, totalFlows));
        long[] none = byPeer.get(Boundary.UNKNOWN.name());
        if (none != null) {
            table.row("記録なし（NODATA/SKIPDATA）", none[3] + " 日", Jp.count(none[0]), "—", "—", "—", "—");
        }
        s.table(table, "該当なし");
        List<String> dayLabels = c.first().datesUntil(c.last().plusDays(1)).map(d -> String.valueOf(d.getDayOfMonth())).toList();
        ReportCharts.Series series = new ReportCharts.Series(dayLabels);
        long max = daily.stream().mapToLong(TrafficQuery.PeerDay::bytes).max().orElse(0);
        double unit = max >= 1e9 ? 1e9 : max >= 1e6 ? 1e6 : 1e3;
        String unitName = unit == 1e9 ? "GB" : unit == 1e6 ? "MB" : "KB";
        for (Boundary boundary : Boundary.values()) {
            if (byPeer.containsKey(boundary.name()) && boundary != Boundary.UNKNOWN) {
                series.add(label(boundary), dayLabels.get(0), 0);
            }
        }
        for (TrafficQuery.PeerDay row : daily) {
            if (Boundary.UNKNOWN.name().equals(row.peer())) {
                continue;
            }
            series.add(label(Boundary.valueOf(row.peer())), String.valueOf(row.day().getDayOfMonth()), row.bytes() / unit);
        }
        s.chart(ReportCharts.lines("接続先境界別の日次通信量（" + unitName + "）", unitName, series));
        s.note("接続先境界は、VPC 側から見た通信相手の区分（送信元が VPC なら宛先、それ以外は送信元）。VPC は VPC 間の通信。"
                + "区分のアドレス範囲は設定 govcloud.network による。記録なし（NODATA/SKIPDATA）は、通信がなかった又は記録が"
                + "省略された時間帯を示すフローログのレコードで、通信ではないため境界別の集計・合計に含めない。");
    }

    static String label(Boundary boundary) {
        return boundary == Boundary.VPC ? "VPC（VPC間）" : boundary.label();
    }
}
