package jp.govcloudops.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach S3. Credentials always come from the AWS default chain.
 *
 * @param region        signing region for the client
 * @param endpoint      an S3-compatible endpoint; when unset, {@code AWS_ENDPOINT_URL_S3} and then
 *                      {@code AWS_ENDPOINT_URL} are honoured
 * @param pathStyle     path-style addressing; defaults to on whenever an endpoint is set
 * @param maxAttempts   attempts per request, including the first, for throttling, 5xx and connection faults
 * @param objectRetries whole-object re-reads when a download breaks off mid-body
 */
@Validated
@ConfigurationProperties("govcloud.s3")
public record S3Properties(
        @NotNull @DefaultValue("ap-northeast-1") String region,
        URI endpoint,
        Boolean pathStyle,
        @Min(1) @DefaultValue("8") int maxAttempts,
        @Min(0) @DefaultValue("3") int objectRetries,
        @NotNull @DefaultValue("30s") Duration readTimeout) {

    /** The endpoint to use: the setting, else the standard AWS environment variables, else AWS itself. */
    public URI effectiveEndpoint() {
        if (endpoint != null) {
            return endpoint;
        }
        for (String variable : new String[] {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return URI.create(value.trim());
            }
        }
        return null;
    }

    public boolean effectivePathStyle() {
        return pathStyle != null ? pathStyle : effectiveEndpoint() != null;
    }
}
