package jp.govcloudops.detect;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jp.govcloudops.config.Severity;

/**
 * A finding as a detector derives it from stored data. Times are UTC store timestamps; {@code eventDay} is the
 * store-zone day of the finding's window, which decides which re-derivation owns it.
 */
public record Finding(String fingerprint, String ruleId, String detector, Severity severity, String titleJa,
        String titleEn, LocalDate eventDay, LocalDateTime firstEventAt, LocalDateTime lastEventAt, String accountId,
        String region, String principal, String resource, String sourceIp, String boundary, String eventNames,
        String summaryJa, String evidence, long matchCount, String countermeasureJa) {
}
