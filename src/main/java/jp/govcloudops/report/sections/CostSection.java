package jp.govcloudops.report.sections;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.config.CostProperties;
import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.SectionWriter;
import jp.govcloudops.report.query.CostQuery;
import jp.govcloudops.report.query.CostQuery.AccountCost;
import jp.govcloudops.report.query.CostQuery.Crossing;
import jp.govcloudops.report.query.CostQuery.ServiceCost;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import jp.govcloudops.report.render.ReportCharts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 9 利用料: each account's billed cost of the month's billing period against its monthly budget, with the month-end
 * forecast and the previous month (view {@code cost_month}); the threshold rules (govcloud.cost.accounts) and
 * whether each was crossed and its notice sent ({@code cost_alert}, {@code mail_outbox}); cost per account and
 * service. Amounts are those of the AWS cost exports, by billing period; cost days are the exports' UTC days. The
 * invoice, not this report, gives the final amount.
 */
@Component
@Order(9)
public class CostSection implements SectionWriter {

    static final String INVOICE_NOTE = "本報告の利用料は AWS のコストデータ（Data Exports）に基づく概算であり、確定額はデジタル庁からの"
            + "請求書による。";

    private final CostProperties cost;

    public CostSection(CostProperties cost) {
        this.cost = cost;
    }

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("9", "利用料");
        if (!CostQuery.available(c)) {
            s.none("該当なし（利用料データがストアにない：コスト取込みが未導入）");
            s.note(INVOICE_NOTE);
            return s;
        }
        s.paragraph("AWS のコストデータ（Data Exports：CUR 2.0 / FOCUS）から、アカウント別の当月利用料（請求期間 "
                + c.month() + " の請求額ベース）、月末予測、予算及び閾値との比較、閾値超過の通知状況を示す。");
        CostQuery.Month figures = CostQuery.load(c, cost);
        perAccount(c, s, figures);
        thresholds(c, s, figures);
        perService(c, s, figures.byService());
        s.note(INVOICE_NOTE + "月末予測は直近の完了日（既定 " + cost.forecastWindowDays() + " 日）の平均日額による推計で、"
                + "月の締め後は実績と同額になる。利用料の日付はエクスポートの UTC 日付による。");
        return s;
    }

    private CostProperties.Account configured(String accountId) {
        return cost.accounts().stream().filter(a -> a.id().equals(accountId)).findFirst().orElse(null);
    }

    private String label(ReportContext c, String accountId) {
        CostProperties.Account configured = configured(accountId);
        String name = c.settings().accountName(accountId);
        if (name.equals(accountId) && configured != null) {
            name = configured.name();
        }
        return name.equals(accountId) ? accountId : name + "（" + accountId + "）";
    }

    private void perAccount(ReportContext c, Section s, CostQuery.Month figures) {
        List<AccountCost> accounts = figures.accounts();
        s.subsection("アカウント別の利用料と予算");
        Table table = new Table(Column.text("アカウント", 5), Column.number("当月利用料", 3), Column.number("月末予測", 3),
                Column.number("月額予算", 3), Column.number("予算比", 2), Column.number("予測の予算比", 2),
                Column.number("前月", 3), Column.number("前月比", 2));
        Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
        boolean anyPrevious = accounts.stream().anyMatch(a -> a.previous() != null);
        for (AccountCost a : accounts) {
            table.row(label(c, a.accountId()), Jp.money(a.billed(), a.currency()), Jp.money(a.forecast(), a.currency()),
                    Jp.money(a.budget(), a.currency()), share(a.billed(), a.budget()), share(a.forecast(), a.budget()),
                    Jp.money(a.previous(), a.currency()), a.previous() == null ? "—"
                            : Jp.percentChange(a.billed().doubleValue(), a.previous().doubleValue()));
            BigDecimal[] t = totals.computeIfAbsent(a.currency(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal forecast = a.forecast() == null ? BigDecimal.ZERO : a.forecast();
            t[0] = t[0].add(a.billed());
            t[1] = t[1].add(forecast);
            t[3] = t[3].add(a.previous() == null ? BigDecimal.ZERO : a.previous());
            // The total's budget shares compare only the accounts that have a budget with their budgets.
            if (a.budget() != null) {
                t[2] = t[2].add(a.budget());
                t[4] = t[4].add(a.billed());
                t[5] = t[5].add(forecast);
            }
        }
        totals.forEach((currency, t) -> table.totalRow("合計（" + currency + "）", Jp.money(t[0], currency),
                Jp.money(t[1], currency), Jp.money(t[2], currency), share(t[4], t[2]), share(t[5], t[2]),
                anyPrevious ? Jp.money(t[3], currency) : "—", Jp.percentChange(t[0].doubleValue(), t[3].doubleValue())));
        s.table(table, "該当なし（当月の利用料データはない：cost-ingest）");
        if (accounts.isEmpty()) {
            return;
        }
        String currency = mainCurrency(accounts);
        ReportCharts.Series bars = new ReportCharts.Series(accounts.stream().filter(a -> a.currency().equals(currency))
                .map(a -> c.settings().accountName(a.accountId())).toList());
        for (AccountCost a : accounts) {
            if (a.currency().equals(currency)) {
                String name = c.settings().accountName(a.accountId());
                bars.add("当月利用料", name, a.billed()).add("月末予測", name, a.forecast() == null ? 0 : a.forecast())
                        .add("月額予算", name, a.budget() == null ? 0 : a.budget());
            }
        }
        s.chart(ReportCharts.horizontalBars("アカウント別の利用料・月末予測と予算（" + currency + "）", currency, bars));
        cumulative(c, s, currency, figures.days());
    }

    /** The currency most accounts are billed in, for the charts (other currencies are in the tables only). */
    private static String mainCurrency(List<AccountCost> accounts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        accounts.forEach(a -> counts.merge(a.currency(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private void cumulative(ReportContext c, Section s, String currency, List<CostQuery.DayCost> costDays) {
        List<String> days = c.first().datesUntil(c.last().plusDays(1)).map(d -> String.valueOf(d.getDayOfMonth())).toList();
        ReportCharts.Series series = new ReportCharts.Series(days);
        Map<String, BigDecimal> running = new HashMap<>();
        for (CostQuery.DayCost day : costDays) {
            if (day.currency().equals(currency)) {
                String account = c.settings().accountName(day.accountId());
                BigDecimal sum = running.merge(account, day.billed(), BigDecimal::add);
                series.add(account, String.valueOf(day.day().getDayOfMonth()), sum);
            }
        }
        if (!series.isEmpty()) {
            s.chart(ReportCharts.lines("アカウント別の利用料累計（" + currency + "、UTC 日付）", currency, series));
        }
    }

    private static String share(BigDecimal part, BigDecimal whole) {
        return part == null || whole == null || whole.signum() == 0 ? "—" : Jp.percent(part.doubleValue(), whole.doubleValue());
    }

    private void thresholds(ReportContext c, Section s, CostQuery.Month figures) {
        s.subsection("閾値と超過通知");
        List<AccountCost> accounts = figures.accounts();
        Map<String, Crossing> crossings = new LinkedHashMap<>();
        for (Crossing crossing : figures.crossings()) {
            crossings.put(crossing.accountId() + "/" + crossing.ruleKey(), crossing);
        }
        Table table = new Table(Column.text("アカウント", 4), Column.text("閾値", 4), Column.number("閾値額", 3),
                Column.number("当月の値", 3), Column.text("判定", 3), Column.text("通知", 3));
        for (CostProperties.Account account : cost.accounts()) {
            AccountCost month = accounts.stream().filter(a -> a.accountId().equals(account.id())
                    && a.currency().equals(account.currency())).findFirst().orElse(null);
            for (CostProperties.Notification rule : account.notifications()) {
                String key = rule.key(account.currency());
                Crossing crossing = crossings.remove(account.id() + "/" + key);
                BigDecimal threshold = rule.thresholdAmount(account.monthlyBudget());
                BigDecimal now = month == null ? null : rule.type() == CostProperties.Kind.ACTUAL ? month.billed() : month.forecast();
                table.row(label(c, account.id()), ruleText(rule), Jp.money(threshold, account.currency()),
                        Jp.money(now, account.currency()), verdict(crossing, now, threshold), notice(c, crossing));
            }
        }
        // Crossings of rules no longer configured (a threshold changed after its notice) are still reported.
        for (Crossing crossing : crossings.values()) {
            table.row(label(c, crossing.accountId()), crossing.ruleKey() + "（現在は設定なし）",
                    Jp.money(crossing.threshold(), crossing.currency()), "—", verdict(crossing, null, null), notice(c, crossing));
        }
        s.table(table, "該当なし（利用料の閾値が設定されていない：govcloud.cost.accounts）");
        long crossed = figures.crossed();
        if (!table.isEmpty()) {
            s.note("閾値は AWS Budgets と同じく、実績（月初来の請求額）又は月末予測が閾値を超えた時点で超過とし、規則ごとに一度だけ"
                    + "通知する（夜間処理の cost-check）。判定の日付は判定対象のコスト日（UTC）。当月の超過は " + crossed + " 件。");
        }
        notices(c, s, figures.notices());
    }

    private static String ruleText(CostProperties.Notification rule) {
        String what = rule.type() == CostProperties.Kind.ACTUAL ? "実績" : "月末予測";
        return what + " > " + (rule.percent() != null ? "予算の " + rule.percent().stripTrailingZeros().toPlainString() + "%"
                : "定額");
    }

    private static String verdict(Crossing crossing, BigDecimal now, BigDecimal threshold) {
        if (crossing != null) {
            return "超過（" + Jp.day(crossing.asOf()) + "、" + Jp.money(crossing.amount(), crossing.currency()) + "）";
        }
        if (now == null || threshold == null) {
            return "判定なし";
        }
        return now.compareTo(threshold) > 0 ? "超過（通知の記録なし）" : "未超過（閾値の " + share(now, threshold) + "）";
    }

    private static String notice(ReportContext c, Crossing crossing) {
        if (crossing == null) {
            return "—";
        }
        if (crossing.mailState() == null) {
            return "記録なし";
        }
        return switch (crossing.mailState()) {
            case "SENT" -> "送信 " + Jp.dateTime(c.local(crossing.sentAt()));
            case "FAILED" -> "送信失敗（" + crossing.attempts() + " 回試行）";
            default -> "送信待ち";
        };
    }

    private void notices(ReportContext c, Section s, List<CostQuery.Notice> rows) {
        Table table = new Table(Column.text("通知作成（JST）", 2), Column.text("件名", 7), Column.text("送信", 2));
        for (CostQuery.Notice notice : rows) {
            table.row(Jp.dateTime(c.local(notice.createdAt())), Jp.clip(notice.subject(), 110),
                    notice.sentAt() == null ? "未送信（" + notice.state() + "）" : Jp.dateTime(c.local(notice.sentAt())));
        }
        if (!table.isEmpty()) {
            s.paragraph("当月分の利用料通知（" + rows.size() + " 件）：");
        }
        s.table(table, "当月分の利用料通知：該当なし（閾値の超過はなかった）");
    }

    private void perService(ReportContext c, Section s, List<ServiceCost> rows) {
        s.subsection("アカウント別・サービス別の利用料");
        Map<String, BigDecimal> accountTotals = new HashMap<>();
        rows.forEach(r -> accountTotals.merge(r.accountId() + "/" + r.currency(), r.billed(), BigDecimal::add));
        Table table = new Table(Column.text("アカウント", 4), Column.text("サービス", 5), Column.number("利用料", 3),
                Column.number("アカウント内の構成比", 2));
        int perAccount = 3;
        String current = null;
        int shown = 0;
        BigDecimal rest = BigDecimal.ZERO;
        String restCurrency = null;
        for (ServiceCost row : rows) {
            String key = row.accountId() + "/" + row.currency();
            if (!key.equals(current)) {
                addRest(table, current, rest, restCurrency, accountTotals);
                current = key;
                shown = 0;
                rest = BigDecimal.ZERO;
                restCurrency = row.currency();
            }
            BigDecimal billed = row.billed();
            if (shown++ < perAccount) {
                table.row(shown == 1 ? label(c, row.accountId()) : "", serviceName(row.service()),
                        Jp.money(billed, row.currency()), share(billed, accountTotals.get(key)));
            } else {
                rest = rest.add(billed);
            }
        }
        addRest(table, current, rest, restCurrency, accountTotals);
        s.table(table, "該当なし（当月の利用料データはない）");
        if (!table.isEmpty()) {
            s.note("各アカウントの利用料の多いサービス上位 " + perAccount + " 件と、その他の合計。請求期間 " + c.month()
                    + " の請求額（エクスポートの明細を集計）。");
        }
        overall(c, s, rows);
    }

    private static void addRest(Table table, String key, BigDecimal rest, String currency, Map<String, BigDecimal> totals) {
        if (key != null && rest.signum() != 0) {
            table.row("", "その他", Jp.money(rest, currency), share(rest, totals.get(key)));
        }
    }

    private static String serviceName(String service) {
        return service == null || service.isBlank() ? "（サービス名なし）" : service;
    }

    /** The same rows as the per-account table, summed per service; the order they come in does not matter. */
    private void overall(ReportContext c, Section s, List<ServiceCost> byAccountAndService) {
        s.subsection("サービス別の利用料（全アカウント、上位）");
        Map<String, BigDecimal> billed = new LinkedHashMap<>();
        Map<String, Integer> accounts = new HashMap<>();
        for (ServiceCost row : byAccountAndService) {
            String key = row.service() + "\u0000" + row.currency();
            billed.merge(key, row.billed(), BigDecimal::add);
            accounts.merge(key, 1, Integer::sum);
        }
        Map<String, BigDecimal> perCurrency = new HashMap<>();
        billed.forEach((key, value) -> perCurrency.merge(key.split("\u0000", 2)[1], value, BigDecimal::add));
        Table table = new Table(Column.text("サービス", 6), Column.number("利用料", 3), Column.number("構成比", 2),
                Column.number("アカウント数", 2));
        billed.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(c.report().topRows()).forEach(e -> {
                    String[] key = e.getKey().split("\u0000", 2);
                    table.row(serviceName(key[0]), Jp.money(e.getValue(), key[1]), share(e.getValue(), perCurrency.get(key[1])),
                            Jp.count(accounts.get(e.getKey())));
                });
        s.table(table, "該当なし（当月の利用料データはない）");
    }
}
