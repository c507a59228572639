package jp.govcloudops.cost.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

import jp.govcloudops.config.CostProperties;
import jp.govcloudops.store.OutgoingMail;

/**
 * The Japanese notice of a threshold crossing (利用料の閾値超過通知): which account and system, the amount against
 * the threshold, the services driving the cost and the day-by-day trend. Amounts come from the cost exports;
 * the mail says that the invoice's figure is final.
 */
public final class ThresholdMail {

    public static final String KIND = "cost-threshold";
    private static final int BAR_WIDTH = 30;

    private ThresholdMail() {
    }

    public static OutgoingMail of(ThresholdCrossing crossing, int topServices) {
        CostProperties.Account account = crossing.account();
        return new OutgoingMail(crossing.dedupeKey(), KIND, account.recipientsOf(crossing.rule()),
                subject(crossing), body(crossing, topServices));
    }

    static String subject(ThresholdCrossing c) {
        CostProperties.Account a = c.account();
        return "【利用料通知】" + a.system() + " " + a.name() + "（" + a.id() + "） " + monthText(c) + " "
                + kindText(c.rule()) + "が閾値 " + Money.format(c.threshold(), a.currency()) + " を超過";
    }

    static String body(ThresholdCrossing c, int topServices) {
        CostProperties.Account a = c.account();
        AccountMonth m = c.month();
        String currency = a.currency();
        StringBuilder b = new StringBuilder();
        b.append("ガバメントクラウドの利用料が、設定された閾値を超えました。\n\n");
        line(b, "アカウント", a.id() + "（" + a.name() + "）");
        line(b, "システム", a.system());
        line(b, "対象月", monthText(c) + "（" + m.month().atDay(1) + "〜" + m.asOf() + " の利用分、UTC）");
        line(b, "通知条件", conditionText(c));
        line(b, kindText(c.rule()), Money.format(c.amount(), currency));
        line(b, "閾値", Money.format(c.threshold(), currency));
        if (a.monthlyBudget() != null) {
            line(b, "月次予算", Money.format(a.monthlyBudget(), currency) + "（予算比 "
                    + percent(c.amount(), a.monthlyBudget()) + "）");
        }
        if (c.rule().type() != CostProperties.Kind.ACTUAL) {
            line(b, "月初来の実績額", Money.format(m.monthToDate(), currency));
        }
        if (c.rule().type() == CostProperties.Kind.FORECASTED) {
            line(b, "予測の方法", "確定した直近 " + m.window().windowDays() + " 日間の日平均 × 残り "
                    + m.window().remainingDays() + " 日 + 確定分");
        } else if (m.forecast() != null) {
            line(b, "月末予測額", Money.format(m.forecast(), currency) + "（直近 " + m.window().windowDays()
                    + " 日間の日平均 × 残り " + m.window().remainingDays() + " 日）");
        } else {
            line(b, "月末予測額", "算出できません（確定した利用日がまだありません）");
        }
        if (m.window() != null) {
            line(b, "データ確定日", m.window().completeDays() == 0 ? "なし"
                    : m.window().completeThrough().minusDays(1) + " まで（それ以降は速報値）");
        }

        b.append("\n■ コストの主な内訳（サービス別・月初来）\n");
        int rank = 0;
        for (Map.Entry<String, BigDecimal> service : m.byService().entrySet()) {
            if (++rank > topServices) {
                break;
            }
            BigDecimal recent = m.lastDaysByService().getOrDefault(service.getKey(), BigDecimal.ZERO);
            b.append(String.format("  %d. %s%n     %s（%s）  直近%d日 %s%n", rank,
                    service.getKey().isEmpty() ? "（サービス名なし）" : service.getKey(),
                    Money.format(service.getValue(), currency), percent(service.getValue(), m.monthToDate()),
                    m.lastDays(), Money.format(recent, currency)));
        }
        if (m.byService().size() > topServices) {
            b.append("  ほか ").append(m.byService().size() - topServices).append(" サービス\n");
        }

        b.append("\n■ 日別推移（UTC の利用日、請求額）\n");
        BigDecimal max = m.byDay().values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal cumulative = BigDecimal.ZERO;
        LocalDate completeThrough = m.window() == null ? null : m.window().completeThrough();
        for (Map.Entry<LocalDate, BigDecimal> day : m.byDay().entrySet()) {
            cumulative = cumulative.add(day.getValue());
            boolean provisional = completeThrough != null && !day.getKey().isBefore(completeThrough);
            b.append(String.format("  %s  %16s  累計 %16s  %s%s%n", day.getKey(), Money.format(day.getValue(),
                    currency), Money.format(cumulative, currency), bar(day.getValue(), max),
                    provisional ? " (速報)" : ""));
        }

        b.append("\n※ 金額は AWS Data Exports（CUR 2.0 / FOCUS）の請求額（非ブレンド / BilledCost）による速報値です。")
                .append("確定額はデジタル庁からの請求書の金額となります。\n");
        b.append("※ この通知は同じアカウント・対象月・通知条件について一度だけ送信されます。\n");
        b.append("※ 通知キー: ").append(c.dedupeKey()).append('\n');
        return b.toString();
    }

    private static String conditionText(ThresholdCrossing c) {
        CostProperties.Notification rule = c.rule();
        String what = kindText(rule);
        String threshold = rule.percent() != null
                ? "月次予算の " + rule.percent().stripTrailingZeros().toPlainString() + "%（"
                        + Money.format(c.threshold(), c.account().currency()) + "）"
                : Money.format(c.threshold(), c.account().currency());
        return what + "が " + threshold + " を超えたとき";
    }

    private static String kindText(CostProperties.Notification rule) {
        return rule.type() == CostProperties.Kind.ACTUAL ? "月初来の実績額" : "月末予測額";
    }

    private static String monthText(ThresholdCrossing c) {
        return c.month().month().getYear() + "年" + c.month().month().getMonthValue() + "月";
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append("  ").append(label).append("：").append(value).append('\n');
    }

    static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "-";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String bar(BigDecimal value, BigDecimal max) {
        if (max.signum() <= 0 || value.signum() <= 0) {
            return "";
        }
        int n = value.multiply(BigDecimal.valueOf(BAR_WIDTH)).divide(max, 0, RoundingMode.HALF_UP).intValue();
        return "█".repeat(Math.max(n, 1));
    }
}
