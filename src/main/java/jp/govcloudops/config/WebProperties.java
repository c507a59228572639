package jp.govcloudops.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The web console ({@code serve}). Documented in docs/configuration.md, "Web console".
 *
 * @param port              the HTTP port ({@code serve --port} overrides it; 0 takes any free port)
 * @param bind              the address listened on ({@code serve --bind}); loopback unless a proxy on another host
 *                          needs more
 * @param sessionTimeout    a signed-in session unused this long signs out
 * @param maxFailedLogins   wrong passwords in a row that lock a user
 * @param lockDuration      how long a locked user stays locked
 * @param minPasswordLength shortest password {@code user add} and {@code user passwd} accept
 * @param secureCookie      mark the session cookie Secure (set when the console is reached over HTTPS, as behind
 *                          a TLS-terminating proxy)
 * @param forwardedHeaders  trust X-Forwarded-* (address, scheme, X-Forwarded-Prefix) from the reverse proxy; only
 *                          when nothing but the proxy can reach the port
 * @param reportLockWait    how long "make a report" waits for another report run on the same store
 */
@Validated
@ConfigurationProperties("govcloud.web")
public record WebProperties(
        @Min(0) @Max(65535) @DefaultValue("8080") int port,
        @NotBlank @DefaultValue("127.0.0.1") String bind,
        @NotNull @DefaultValue("PT30M") Duration sessionTimeout,
        @Min(1) @Max(100) @DefaultValue("5") int maxFailedLogins,
        @NotNull @DefaultValue("PT15M") Duration lockDuration,
        @Min(8) @Max(128) @DefaultValue("12") int minPasswordLength,
        @DefaultValue("false") boolean secureCookie,
        @DefaultValue("false") boolean forwardedHeaders,
        @NotNull @DefaultValue("PT1M") Duration reportLockWait) {
}
