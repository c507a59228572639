package jp.govcloudops.cost.alert;

import java.math.BigDecimal;

import jp.govcloudops.config.CostProperties;

/** A rule whose threshold an account's month passed. {@code amount} is the month-to-date or forecast figure. */
public record ThresholdCrossing(CostProperties.Account account, CostProperties.Notification rule,
        BigDecimal threshold, BigDecimal amount, AccountMonth month) {

    public String ruleKey() {
        return rule.key(account.currency());
    }

    public String dedupeKey() {
        return "cost:" + account.id() + ":" + month.month() + ":" + ruleKey();
    }
}
