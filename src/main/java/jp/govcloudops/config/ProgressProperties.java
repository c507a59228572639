package jp.govcloudops.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Progress of long work (ingestion, cost ingestion): partitions and objects done, records per second.
 *
 * @param enabled          show progress at all ({@code --quiet} turns it off for one command)
 * @param interval         how often a progress line is logged when stderr is not a terminal (cron, systemd)
 * @param terminalInterval how often the single progress line is redrawn on a terminal
 */
@Validated
@ConfigurationProperties("govcloud.progress")
public record ProgressProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DurationMin(millis = 10) @DefaultValue("1m") Duration interval,
        @NotNull @DurationMin(millis = 10) @DefaultValue("1s") Duration terminalInterval) {
}
