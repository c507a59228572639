package jp.govcloudops.config;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every job: where the logs are, the store's zone and the accounts under watch.
 *
 * @param zone     zone whose calendar days the views report (whole-hour offsets only, because aggregates are
 *                 kept per UTC hour and a day must be a sum of whole hours)
 * @param sources  log locations: {@code s3://bucket/prefix} or a local directory with the same key layout
 * @param accounts the estate's AWS accounts, as named in reports and mails
 */
@Validated
@ConfigurationProperties("govcloud")
public record GovcloudProperties(
        @NotNull @DefaultValue("Asia/Tokyo") ZoneId zone,
        @DefaultValue List<String> sources,
        @DefaultValue List<@Valid Account> accounts) {

    public record Account(
            @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id") String id,
            @NotNull String name,
            String system) {
    }

    /** The zone's offset in whole hours; validated at start-up. */
    public int zoneOffsetHours() {
        ZoneOffset offset = zone.getRules().getOffset(Instant.EPOCH);
        return offset.getTotalSeconds() / 3600;
    }

    @AssertTrue(message = "govcloud.zone must keep one whole-hour offset from UTC since 1970 (e.g. Asia/Tokyo, UTC)")
    public boolean isZoneWholeHours() {
        if (zone == null) {
            return true;
        }
        var rules = zone.getRules();
        return rules.getOffset(Instant.EPOCH).getTotalSeconds() % 3600 == 0
                && rules.getTransitionRules().isEmpty()
                && rules.nextTransition(Instant.EPOCH) == null;
    }

    public String accountName(String accountId) {
        return accounts.stream().filter(a -> a.id().equals(accountId)).map(Account::name).findFirst().orElse(accountId);
    }
}
