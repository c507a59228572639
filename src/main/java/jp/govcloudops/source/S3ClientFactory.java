package jp.govcloudops.source;

import java.net.URI;
import java.util.List;

import jp.govcloudops.config.S3Properties;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the one S3 client a run uses, from {@link S3Properties}; credentials come from the default chain. */
public final class S3ClientFactory {

    private S3ClientFactory() {
    }

    /** @param interceptors see every request, such as an {@link S3RequestGauge} */
    public static S3Client create(S3Properties properties, ExecutionInterceptor... interceptors) {
        var builder = S3Client.builder()
                .region(Region.of(properties.region()))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .forcePathStyle(properties.effectivePathStyle())
                .httpClientBuilder(ApacheHttpClient.builder()
                        // Every download ahead and every parallel listing holds a connection, and the partitions'
                        // own requests (listing a partition, reading an object whose turn came first) need some.
                        .maxConnections(properties.getsInFlight() + properties.listsInFlight() + 16)
                        .socketTimeout(properties.readTimeout()))
                // Standard retries back off exponentially with jitter on throttling (503 SlowDown), 5xx and
                // connection faults; 403 and 404 are not retried.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(b -> b.maxAttempts(properties.maxAttempts()))
                        .executionInterceptors(List.of(interceptors))
                        .build());
        URI endpoint = properties.effectiveEndpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
