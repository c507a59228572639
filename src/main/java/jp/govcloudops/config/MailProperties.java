package jp.govcloudops.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing mail. The SMTP server itself is Spring Boot's {@code spring.mail.*} (host, port, username, password,
 * properties); without {@code spring.mail.host} messages wait in the outbox and every run says so.
 *
 * @param from        sender address
 * @param maxAttempts send attempts per message (across runs) before it is left for an operator
 * @param retryDelay  first pause between attempts within a run (doubles each time)
 */
@Validated
@ConfigurationProperties("govcloud.mail")
public record MailProperties(
        @NotNull @DefaultValue("govcloud-ops@localhost") String from,
        @Min(1) @DefaultValue("5") int maxAttempts,
        @NotNull @DefaultValue("2s") Duration retryDelay) {
}
