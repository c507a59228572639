package jp.govcloudops.detect;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jp.govcloudops.config.Severity;

/**
 * A finding as a detector derives it from stored data. Times are UTC store timestamps; {@code eventDay} is the
 * store-zone day of the finding's window, which decides which re-derivation owns it. {@code origin} is null for
 * govcloud-ops' own findings.
 */
public record Finding(String fingerprint, String ruleId, String detector, Severity severity, String titleJa,
        String titleEn, LocalDate eventDay, LocalDateTime firstEventAt, LocalDateTime lastEventAt, String accountId,
        String region, String principal, String resource, String sourceIp, String boundary, String eventNames,
        String summaryJa, String evidence, long matchCount, String countermeasureJa, Origin origin) {

    /**
     * A security service's finding: the service that raised it ({@code guardduty}, {@code securityhub},
     * {@code config}), its own id, the other services it also arrived through, when the service first saw the
     * activity, and the service's state ({@code serviceState}) with the status it means for operators (null: no
     * change asked for).
     */
    public record Origin(String source, String sourceId, String alsoIn, LocalDateTime firstSeenAt,
            String serviceState, FindingStatus serviceStatus) {
    }
}
