package jp.govcloudops.detect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jp.govcloudops.calendar.ServiceHours;
import jp.govcloudops.config.GovcloudProperties;
import org.springframework.stereotype.Component;

/** The Japanese texts of finding notifications: one mail per important finding, and the daily digest. */
@Component
public class FindingMails {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final GovcloudProperties settings;

    public FindingMails(GovcloudProperties settings) {
        this.settings = settings;
    }

    public String subject(FindingStore.Stored f) {
        return "[govcloud-ops][重要度 " + f.severity().label() + "] " + f.titleJa() + " - " + account(f.accountId());
    }

    public String body(FindingStore.Stored f) {
        StringBuilder b = new StringBuilder();
        b.append("ガバメントクラウドのログからセキュリティ上の検知がありました。内容を確認し、対応してください。\n\n");
        line(b, "検知ルール", f.ruleId() + " " + f.titleJa());
        line(b, "重要度", f.severity().text());
        line(b, "発生日時", jst(f.firstEventAt()) + (f.lastEventAt().equals(f.firstEventAt()) ? ""
                : " ～ " + jst(f.lastEventAt())) + "（" + f.serviceHours().label() + "）");
        line(b, "アカウント", account(f.accountId()));
        line(b, "リージョン", f.region());
        line(b, "実行者", f.principal());
        line(b, "送信元", f.sourceIp());
        line(b, "対象リソース", f.resource());
        line(b, "ネットワーク境界", f.boundary());
        line(b, "イベント", f.eventNames());
        line(b, "根拠", f.summaryJa());
        line(b, "件数", Long.toString(f.matchCount()));
        b.append("\n■ 対応策\n").append(f.countermeasureJa().strip()).append("\n\n");
        line(b, "検知ID", f.id() + "（状態: " + f.status().label() + "）");
        b.append("根拠の詳細（該当レコード・統計値）: govcloud-ops findings show ").append(f.id()).append('\n');
        b.append("状態の更新: govcloud-ops findings set-status ").append(f.id()).append(" 対応中 --note=\"...\"\n");
        b.append("\n（このメールは govcloud-ops が自動で送信しています。同じ検知について再送はしません。）\n");
        return b.toString();
    }

    public String digestSubject(LocalDate day, int count) {
        return "[govcloud-ops] 検知結果の日次まとめ " + day + "（" + count + "件）";
    }

    public String digestBody(LocalDate day, List<FindingStore.Stored> findings) {
        StringBuilder b = new StringBuilder();
        b.append(day).append(" の夜間処理で、個別通知の対象外（重要度が通知基準未満、または古いイベント）の検知が ")
                .append(findings.size()).append(" 件ありました。\n\n");
        for (FindingStore.Stored f : findings) {
            b.append("・[").append(f.severity().label()).append("] #").append(f.id()).append(' ')
                    .append(jst(f.firstEventAt())).append(' ').append(f.titleJa()).append(" / ")
                    .append(account(f.accountId()));
            if (f.principal() != null) {
                b.append(" / ").append(f.principal());
            }
            b.append("\n    ").append(f.summaryJa()).append('\n');
        }
        b.append("\n各検知の根拠と対応策: govcloud-ops findings show ID\n");
        b.append("一覧: govcloud-ops findings list --from=").append(day.minusDays(7)).append(" --to=").append(day)
                .append('\n');
        return b.toString();
    }

    private String account(String id) {
        if (id == null) {
            return "-";
        }
        String name = settings.accountName(id);
        return name.equals(id) ? id : name + " (" + id + ")";
    }

    public static String jst(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ServiceHours.JAPAN).toLocalDateTime().format(TIME)
                + " JST";
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append("■ ").append(label).append(": ").append(value).append('\n');
        }
    }
}
