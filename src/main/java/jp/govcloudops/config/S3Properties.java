package jp.govcloudops.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
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
 * @param getsInFlight  objects downloaded ahead of the threads that parse them, at most this many at once, so that
 *                      the wait for each response overlaps the others instead of adding up
 * @param prefetchBytes the most memory the objects downloaded ahead may hold (by their listed sizes); a larger
 *                      object is read as a stream when its turn comes
 * @param listsInFlight folder listings made at once when a run looks for its partitions
 */
@Validated
@ConfigurationProperties("govcloud.s3")
public record S3Properties(
        @NotNull @DefaultValue("ap-northeast-1") String region,
        URI endpoint,
        Boolean pathStyle,
        @Min(1) @DefaultValue("8") int maxAttempts,
        @Min(0) @DefaultValue("3") int objectRetries,
        @NotNull @DefaultValue("30s") Duration readTimeout,
        @Min(1) @Max(512) @DefaultValue("32") int getsInFlight,
        @NotNull @DefaultValue("64MB") DataSize prefetchBytes,
        @Min(1) @Max(512) @DefaultValue("32") int listsInFlight) {

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
