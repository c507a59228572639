package jp.govcloudops.integrity;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.govcloudops.config.IntegrityProperties;
import jp.govcloudops.integrity.check.StreamInputs;
import jp.govcloudops.integrity.signature.CloudTrailPublicKeyFetcher;
import jp.govcloudops.integrity.signature.PublicKeyEntry;
import jp.govcloudops.integrity.signature.PublicKeyFetcher;
import jp.govcloudops.integrity.signature.PublicKeyFile;
import jp.govcloudops.integrity.signature.RsaKeys;
import jp.govcloudops.integrity.store.PublicKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The public keys one check run uses: those of the configured key files (saved to the store as they are read),
 * those stored by earlier runs, and, when allowed, those {@code ListPublicKeys} returns for the run's time range
 * (asked once per region and run).
 */
public final class PublicKeys implements StreamInputs.Keys {

    private static final Logger log = LoggerFactory.getLogger(PublicKeys.class);

    private final PublicKeyStore store;
    private final PublicKeyFetcher fetcher;
    private final Instant from;
    private final Instant to;
    private final Map<String, Optional<PublicKey>> known = new HashMap<>();
    private final Set<String> fetchedRegions = new HashSet<>();

    PublicKeys(PublicKeyStore store, PublicKeyFetcher fetcher, Instant from, Instant to) {
        this.store = store;
        this.fetcher = fetcher;
        this.from = from;
        this.to = to;
    }

    /** Keys for a run over digests of [from, to): the key files are read now; problems go to {@code out}. */
    static PublicKeys forRun(IntegrityProperties settings, PublicKeyStore store, Instant from, Instant to,
            PrintWriter out) {
        for (Path file : settings.publicKeyFiles()) {
            try {
                PublicKeyFile.Contents contents = PublicKeyFile.read(file);
                contents.keys().forEach(store::save);
                contents.refused().forEach(r -> out.println("trail-integrity: public key refused: " + r));
            } catch (IOException e) {
                out.println("trail-integrity: public key file not read: " + e.getMessage());
            }
        }
        PublicKeyFetcher fetcher = settings.fetchPublicKeys()
                ? new CloudTrailPublicKeyFetcher(DefaultCredentialsProvider.builder().build(), settings.cloudtrailEndpoint())
                : null;
        return new PublicKeys(store, fetcher, from, to);
    }

    @Override
    public Optional<PublicKey> find(String fingerprint, String region) {
        String id = fingerprint.toLowerCase(Locale.ROOT);
        Optional<PublicKey> key = known.get(id);
        if (key == null || (key.isEmpty() && fetcher != null && !fetchedRegions.contains(region))) {
            key = load(id);
            if (key.isEmpty() && fetcher != null && fetchedRegions.add(region)) {
                try {
                    fetcher.fetch(region, from, to).forEach(store::save);
                    key = load(id);
                } catch (RuntimeException e) {
                    // Offline or not allowed: the digest's result says the key is not available.
                    log.warn("ListPublicKeys in {} failed: {}", region, e.getMessage());
                }
            }
            known.put(id, key);
        }
        return key;
    }

    private Optional<PublicKey> load(String fingerprint) {
        Optional<PublicKeyEntry> entry = store.find(fingerprint);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RsaKeys.parse(entry.get().der()));
        } catch (GeneralSecurityException e) {
            log.warn("Stored public key {} is not an RSA key: {}", fingerprint, e.getMessage());
            return Optional.empty();
        }
    }
}
