package jp.govcloudops.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing mail. With the SMTP transport the server is Spring Boot's {@code spring.mail.*} (host, port, username,
 * password, properties); without {@code spring.mail.host} messages wait in the outbox and every run says so. With
 * the SES transport, mail goes through the Amazon SES v2 API with the AWS default credentials chain.
 *
 * @param from        sender address (for SES, a verified identity)
 * @param maxAttempts send attempts per message (across runs) before it is left for an operator
 * @param retryDelay  first pause between attempts within a run (doubles each time)
 * @param transport   {@code smtp} (default) or {@code ses}
 * @param ses         the SES transport's settings
 */
@Validated
@ConfigurationProperties("govcloud.mail")
public record MailProperties(
        @NotNull @DefaultValue("govcloud-ops@localhost") String from,
        @Min(1) @DefaultValue("5") int maxAttempts,
        @NotNull @DefaultValue("2s") Duration retryDelay,
        @NotNull @DefaultValue("smtp") Transport transport,
        @NotNull @Valid @DefaultValue Ses ses) {

    public enum Transport {
        SMTP, SES
    }

    /**
     * @param region           the SES region
     * @param endpoint         an SES-compatible endpoint (tests, VPC endpoints); unset means AWS
     * @param configurationSet an SES configuration set for sending events, optional
     */
    public record Ses(
            @NotNull @DefaultValue("ap-northeast-1") String region,
            URI endpoint,
            String configurationSet) {
    }
}
