package jp.govcloudops.config;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The estate's own alerts: where Security Hub's findings arrive, and who the intraday run mails (docs/configuration.md,
 * "Security services and the intraday run"). GuardDuty's export and AWS Config's files are found under
 * {@code AWSLogs/} like the trail's, so they need no setting.
 *
 * @param securityHubPrefix where, below each source, the Firehose stream that the EventBridge rule feeds writes its
 *                          {@code YYYY/MM/DD/HH/} folders (the stream's S3 prefix); empty: Security Hub is not read
 * @param intraday          the intraday run's immediate mails
 * @param configRuleSeverity the severity of an AWS Config rule's non-compliance, which Config does not rate
 */
@Validated
@ConfigurationProperties("govcloud.security-services")
public record SecurityServicesProperties(
        @NotNull @Pattern(regexp = "|[^/].*/", message = "must be empty or a relative folder ending in '/'")
        @DefaultValue("securityhub/") String securityHubPrefix,
        @NotNull @Valid @DefaultValue Intraday intraday,
        @NotNull @DefaultValue("MEDIUM") String configRuleSeverity) {

    @AssertTrue(message = "govcloud.security-services.config-rule-severity must be INFORMATIONAL, LOW, MEDIUM, HIGH"
            + " or CRITICAL")
    public boolean isConfigRuleSeverityKnown() {
        try {
            Severity.parse(configRuleSeverity);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Immediate mails of the intraday run: inside 受付時間 findings at or above {@code minSeverity} go to the
     * operators ({@code govcloud.detection.notifications.recipients}); outside it those at or above
     * {@code onCallMinSeverity} go to {@code onCallRecipients}. Each finding is mailed once, by whichever run sees
     * it first.
     *
     * @param minSeverity       inside 受付時間
     * @param onCallRecipients  outside 受付時間; empty: nothing is mailed outside 受付時間 until the operators' next run
     * @param onCallMinSeverity outside 受付時間
     */
    public record Intraday(
            @NotNull @DefaultValue("HIGH") String minSeverity,
            @DefaultValue List<String> onCallRecipients,
            @NotNull @DefaultValue("CRITICAL") String onCallMinSeverity) {

        @AssertTrue(message = "govcloud.security-services.intraday.min-severity and on-call-min-severity must be"
                + " INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL")
        public boolean isSeverityKnown() {
            try {
                Severity.parse(minSeverity);
                Severity.parse(onCallMinSeverity);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
