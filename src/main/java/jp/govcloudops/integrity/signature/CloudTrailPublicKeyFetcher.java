package jp.govcloudops.integrity.signature;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.cloudtrail.model.PublicKey;

/**
 * {@code ListPublicKeys} through the AWS SDK, in the digest's own region: CloudTrail signs with a key per region.
 * Needs only {@code cloudtrail:ListPublicKeys}.
 */
public final class CloudTrailPublicKeyFetcher implements PublicKeyFetcher {

    private final AwsCredentialsProvider credentials;
    private final URI endpoint;

    public CloudTrailPublicKeyFetcher(AwsCredentialsProvider credentials, URI endpoint) {
        this.credentials = credentials;
        this.endpoint = endpoint;
    }

    @Override
    public List<PublicKeyEntry> fetch(String region, Instant from, Instant to) {
        var builder = CloudTrailClient.builder().region(Region.of(region)).credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        List<PublicKeyEntry> keys = new ArrayList<>();
        try (CloudTrailClient cloudTrail = builder.build()) {
            for (ListPublicKeysResponse page : cloudTrail.listPublicKeysPaginator(b -> b.startTime(from).endTime(to))) {
                for (PublicKey key : page.publicKeyList()) {
                    byte[] der = key.value().asByteArray();
                    String fingerprint = RsaKeys.fingerprint(der);
                    // A key is kept under the fingerprint its bytes give, whatever the response said.
                    if (fingerprint.equalsIgnoreCase(key.fingerprint())) {
                        keys.add(new PublicKeyEntry(fingerprint, der, key.validityStartTime(), key.validityEndTime(),
                                "ListPublicKeys " + region));
                    }
                }
            }
        }
        return keys;
    }
}
