package jp.govcloudops.report.sections;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.report.Jp;
import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.document.Section;
import jp.govcloudops.report.document.Table;
import jp.govcloudops.report.document.Table.Column;
import jp.govcloudops.report.render.ReportCharts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 9 利用料: billed cost per account (month to date, forecast, previous month) and per service from the cost views
 * {@code cost_month} and {@code cost_daily}, the threshold notices sent (mail outbox), and a cumulative chart.
 * Cost days are the export's UTC days. The invoice, not this report, gives the final amount.
 */
@Component
@Order(9)
public class CostSection implements SectionWriter {

    static final String INVOICE_NOTE = "本報告の利用料は AWS のコストデータ（Data Exports）に基づく概算であり、確定額はデジタル庁からの"
            + "請求書による。";

    @Override
    public Section write(ReportContext c) {
        Section s = new Section("9", "利用料");
        if (!c.schema().has("cost_month") || !c.schema().has("cost_daily")) {
            s.none("該当なし（利用料データがストアにない：コスト取込みが未導入）");
            s.note(INVOICE_NOTE);
            return s;
        }
        perAccount(c, s);
        perService(c, s);
        notices(c, s);
        s.note(INVOICE_NOTE);
        return s;
    }

    private void perAccount(ReportContext c, Section s) {
        s.subsection("アカウント別の利用料");
        Map<String, BigDecimal> previous = new HashMap<>();
        for (Map<String, Object> row : c.jdbc().queryForList("SELECT account_id, currency, SUM(billed_cost) AS billed"
                + " FROM cost_month WHERE month = ? GROUP BY account_id, currency", c.previous().toString())) {
            previous.put(Rows.text(row, "account_id") + "/" + Rows.text(row, "currency"), Rows.decimal(row, "billed"));
        }
        List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT account_id, currency, SUM(billed_cost) AS billed,"
                + " SUM(forecast_cost) AS forecast FROM cost_month WHERE month = ? GROUP BY account_id, currency"
                + " ORDER BY account_id, currency", c.month().toString());
        Table table = new Table(Column.text("アカウント", 5), Column.number("当月利用料", 3), Column.number("月末予測", 3),
                Column.number("前月", 3), Column.number("前月比", 2));
        Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String currency = Rows.text(row, "currency");
            BigDecimal billed = Rows.decimal(row, "billed");
            BigDecimal forecast = row.get("forecast") == null ? null : Rows.decimal(row, "forecast");
            BigDecimal before = previous.getOrDefault(Rows.text(row, "account_id") + "/" + currency, BigDecimal.ZERO);
            table.row(c.accountLabel(Rows.text(row, "account_id")), Jp.money(billed, currency), Jp.money(forecast, currency),
                    Jp.money(before, currency), Jp.percentChange(billed.doubleValue(), before.doubleValue()));
            BigDecimal[] t = totals.computeIfAbsent(currency, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            t[0] = t[0].add(billed);
            t[1] = t[1].add(forecast == null ? BigDecimal.ZERO : forecast);
            t[2] = t[2].add(before);
        }
        totals.forEach((currency, t) -> table.totalRow("合計（" + currency + "）", Jp.money(t[0], currency),
                Jp.money(t[1], currency), Jp.money(t[2], currency), Jp.percentChange(t[0].doubleValue(), t[2].doubleValue())));
        s.table(table, "該当なし（当月の利用料データはない）");
        if (table.isEmpty()) {
            return;
        }
        List<String> days = c.first().datesUntil(c.last().plusDays(1)).map(d -> String.valueOf(d.getDayOfMonth())).toList();
        ReportCharts.Series series = new ReportCharts.Series(days);
        Map<String, BigDecimal> running = new HashMap<>();
        String currency = null;
        for (Map<String, Object> row : c.jdbc().queryForList("SELECT day, account_id, currency, SUM(billed_cost) AS billed"
                + " FROM cost_daily WHERE day BETWEEN ? AND ? GROUP BY day, account_id, currency ORDER BY day, account_id",
                c.first(), c.last())) {
            String account = c.settings().accountName(Rows.text(row, "account_id"));
            currency = Rows.text(row, "currency");
            BigDecimal sum = running.merge(account, Rows.decimal(row, "billed"), BigDecimal::add);
            series.add(account, String.valueOf(Rows.date(row, "day").getDayOfMonth()), sum);
        }
        if (!series.isEmpty()) {
            s.chart(ReportCharts.lines("アカウント別の利用料累計（" + currency + "）", currency, series));
        }
    }

    private void perService(ReportContext c, Section s) {
        s.subsection("サービス別の利用料（上位）");
        List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT service, currency, SUM(billed_cost) AS billed,"
                + " COUNT(DISTINCT account_id) AS accounts FROM cost_daily WHERE day BETWEEN ? AND ?"
                + " GROUP BY service, currency ORDER BY SUM(billed_cost) DESC, service", c.first(), c.last());
        Table table = new Table(Column.text("サービス", 6), Column.number("利用料", 3), Column.number("アカウント数", 2));
        for (Map<String, Object> row : rows.subList(0, Math.min(rows.size(), c.report().topRows()))) {
            table.row(Rows.text(row, "service"), Jp.money(Rows.decimal(row, "billed"), Rows.text(row, "currency")),
                    Jp.count(Rows.num(row, "accounts")));
        }
        s.table(table, "該当なし（当月の利用料データはない）");
    }

    private void notices(ReportContext c, Section s) {
        s.subsection("しきい値超過の通知");
        List<Map<String, Object>> rows = c.jdbc().queryForList("SELECT created_at, sent_at, subject, recipients, state"
                + " FROM mail_outbox WHERE kind LIKE 'cost%' AND created_at >= ? AND created_at < ? ORDER BY created_at, id",
                c.utcStart(), c.utcEnd());
        Table table = new Table(Column.text("検知（JST）", 2), Column.text("件名", 7), Column.text("送信", 3));
        for (Map<String, Object> row : rows) {
            var sent = Rows.timestamp(row, "sent_at");
            table.row(Jp.dateTime(c.local(Rows.timestamp(row, "created_at"))), Jp.clip(Rows.text(row, "subject"), 100),
                    sent == null ? "未送信（" + Rows.text(row, "state") + "）" : Jp.dateTime(c.local(sent)));
        }
        s.table(table, "該当なし（当月、利用料のしきい値超過通知はない）");
    }
}
