package jp.govcloudops.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cost exports and the per-account thresholds (docs/configuration.md, "Cost"; the method in docs/cost.md).
 *
 * @param sources            export locations: {@code s3://bucket/prefix} or a local directory holding
 *                           {@code <export>/data/BILLING_PERIOD=YYYY-MM/...}; nightly ingests them when set
 * @param forecastWindowDays complete days whose average daily usage the month-end forecast extrapolates
 * @param forecastMinDays    complete days of the month needed before FORECASTED rules are judged
 * @param closedAfter        a billing period counts as complete once its export was delivered this long after
 *                           the end of the month
 * @param topServices        services listed in a threshold mail
 * @param maxRejectedRows    detail rows kept per load for rows that could not be used (all are counted)
 * @param accounts           accounts with a monthly budget and notification rules
 */
@Validated
@ConfigurationProperties("govcloud.cost")
public record CostProperties(
        @DefaultValue List<String> sources,
        @Min(1) @Max(28) @DefaultValue("7") int forecastWindowDays,
        @Min(1) @Max(28) @DefaultValue("3") int forecastMinDays,
        @NotNull @DefaultValue("1d") Duration closedAfter,
        @Min(1) @Max(50) @DefaultValue("5") int topServices,
        @Min(1) @DefaultValue("200") int maxRejectedRows,
        @DefaultValue List<@Valid Account> accounts) {

    /** The systems of the estate, as the contract names them. */
    public static final List<String> SYSTEMS = List.of("生活保護", "レセプト管理", "児童扶養手当", "ネットワーク管理");

    /**
     * An account under watch.
     *
     * @param id            the 12-digit AWS account id (FOCUS SubAccountId, CUR line_item_usage_account_id)
     * @param name          its name in mails and reports
     * @param system        one of {@link #SYSTEMS}
     * @param currency      the currency of the budget and thresholds; only costs in it count
     * @param monthlyBudget the monthly budget; needed by percentage rules
     * @param recipients    mail addresses for every rule that names none of its own
     * @param notifications the rules (at most 10, as in AWS Budgets)
     */
    public record Account(
            @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id") String id,
            @NotBlank String name,
            @NotNull String system,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD or JPY")
            @DefaultValue("USD") String currency,
            @DecimalMin(value = "0", inclusive = false) BigDecimal monthlyBudget,
            @DefaultValue List<@NotBlank @Email String> recipients,
            @Size(max = 10) @DefaultValue List<@Valid Notification> notifications) {

        @AssertTrue(message = "system must be one of 生活保護, レセプト管理, 児童扶養手当, ネットワーク管理")
        public boolean isSystemKnown() {
            return system == null || SYSTEMS.contains(system);
        }

        @AssertTrue(message = "every notification needs recipients: set the account's recipients or the rule's own")
        public boolean isEveryRuleAddressed() {
            return notifications.stream().allMatch(n -> !recipientsOf(n).isEmpty());
        }

        @AssertTrue(message = "a percentage notification needs the account's monthly-budget")
        public boolean isBudgetGivenForPercentages() {
            return monthlyBudget != null || notifications.stream().noneMatch(n -> n.percent() != null);
        }

        @AssertTrue(message = "two notifications of an account have the same type and threshold")
        public boolean isEveryRuleDistinct() {
            Set<String> keys = new HashSet<>();
            return notifications.stream().filter(Notification::isOneThreshold).allMatch(n -> keys.add(n.key(currency)));
        }

        public List<String> recipientsOf(Notification notification) {
            return notification.recipients().isEmpty() ? recipients : notification.recipients();
        }
    }

    /**
     * A notification rule, as in AWS Budgets: ACTUAL compares the month-to-date billed cost, FORECASTED the month-end
     * forecast, with a threshold that is either a percentage of the monthly budget or an absolute amount.
     */
    public record Notification(
            @NotNull Kind type,
            @DecimalMin(value = "0", inclusive = false) BigDecimal percent,
            @DecimalMin(value = "0", inclusive = false) BigDecimal amount,
            @DefaultValue List<@NotBlank @Email String> recipients) {

        @AssertTrue(message = "give exactly one of percent and amount")
        public boolean isOneThreshold() {
            return (percent == null) != (amount == null);
        }

        /** Identifies the rule in the alarm latch and the mail's dedupe key; changes when the rule changes. */
        public String key(String currency) {
            return type + "-" + (percent != null ? percent.stripTrailingZeros().toPlainString() + "%"
                    : amount.stripTrailingZeros().toPlainString() + currency);
        }

        /** The threshold as an amount, for a budget (null only when a percentage rule lacks a budget). */
        public BigDecimal thresholdAmount(BigDecimal budget) {
            if (amount != null) {
                return amount;
            }
            return budget == null ? null : budget.multiply(percent).divide(BigDecimal.valueOf(100));
        }
    }

    public enum Kind {
        ACTUAL, FORECASTED
    }

    @AssertTrue(message = "govcloud.cost.accounts lists an account id twice")
    public boolean isEveryAccountOnce() {
        Set<String> ids = new HashSet<>();
        return accounts.stream().allMatch(a -> a.id() == null || ids.add(a.id()));
    }
}
