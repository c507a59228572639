package jp.govcloudops.report.sections;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.NetworkProperties;
import jp.govcloudops.config.ReportProperties;
import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.LogCollectionQuery;
import jp.govcloudops.report.query.EstateAccounts;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** 2 対象範囲・運用体制: the accounts and systems covered, the logs collected from each, 受付時間, the team. */
@Component
@Order(2)
public class ScopeSection implements SectionWriter {

    private final NetworkProperties network;

    public ScopeSection(NetworkProperties network) {
        this.network = network;
    }

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("2", "対象範囲・運用体制");
        s.subsection("対象アカウント・システム");
        Map<String, TreeSet<String>> logTypes = new HashMap<>();
        Map<String, TreeSet<String>> regions = new HashMap<>();
        for (LogCollectionQuery.Stream stream : LogCollectionQuery.streams(c)) {
            String account = stream.accountId();
            logTypes.computeIfAbsent(account, k -> new TreeSet<>()).add(switch (stream.logType()) {
                case "cloudtrail" -> "CloudTrail";
                case "cloudtrail-insight" -> "Insights";
                case "vpcflow" -> "フローログ";
                default -> stream.logType();
            });
            regions.computeIfAbsent(account, k -> new TreeSet<>()).add(stream.region());
        }
        Table accounts = new Table(Column.text("アカウント ID", 3), Column.text("名称", 4), Column.text("システム", 4),
                Column.text("当月の収集ログ", 4), Column.text("リージョン", 4));
        for (String id : EstateAccounts.of(c)) {
            GovcloudProperties.Account configured = c.settings().accounts().stream().filter(a -> a.id().equals(id))
                    .findFirst().orElse(null);
            accounts.row(id, configured == null ? "（設定なし）" : configured.name(),
                    configured == null || configured.system() == null ? "—" : configured.system(),
                    String.join("・", logTypes.getOrDefault(id, new TreeSet<>(List.of("なし")))),
                    String.join(", ", regions.getOrDefault(id, new TreeSet<>(List.of("—")))));
        }
        s.table(accounts, "該当なし（対象アカウントが設定されておらず、ログもない：govcloud.accounts）");
        s.subsection("受付時間");
        s.paragraph(c.serviceWindow().description() + "。受付時間外の検知は翌営業日に対応し、重大なものは時間外でも連絡体制に従い対応する。");
        s.subsection("運用体制");
        // One roster (govcloud.report.team) for this table, the effort by person (11) and the records' owners; a
        // contact column only when the roster gives contacts, not a column of dashes.
        List<ReportProperties.TeamMember> roster = c.report().team();
        boolean contacts = roster.stream().anyMatch(m -> m.contact() != null && !m.contact().isBlank());
        Table team = contacts ? new Table(Column.text("役割", 3), Column.text("氏名", 3), Column.text("連絡先", 4))
                : new Table(Column.text("役割", 3), Column.text("氏名", 3));
        for (ReportProperties.TeamMember member : roster) {
            if (contacts) {
                team.row(member.role(), member.name(), member.contact() == null ? "（窓口経由）" : member.contact());
            } else {
                team.row(member.role(), member.name());
            }
        }
        s.table(team, "該当なし（運用体制が設定されていない：govcloud.report.team）");
        if (!roster.isEmpty()) {
            s.note("連絡体制：検知・障害の連絡は運用責任者（" + roster.get(0).name() + "）が受け、発注者への報告は同者が行う。"
                    + "作業実績（11 章）・付録B の担当者はこの体制の要員である。");
        }
        s.subsection("監視対象のネットワーク境界");
        Table ranges = new Table(Column.text("境界", 2), Column.text("アドレス範囲（設定 govcloud.network）", 8));
        addRanges(ranges, "庁内/LGCS", network.lgcs());
        addRanges(ranges, "ASP", network.asp());
        addRanges(ranges, "VPC", network.vpc());
        s.table(ranges, "該当なし（境界のアドレス範囲が設定されていない：govcloud.network）");
        return s;
    }

    private static void addRanges(Table table, String boundary, List<String> cidrs) {
        if (!cidrs.isEmpty()) {
            table.row(boundary, Jp.clip(String.join(", ", cidrs), 300));
        }
    }
}
