package jp.govcloudops.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jp.govcloudops.config.S3Properties;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Opens each source location once per process and shares it between partitions. The S3 client is built only
 * when an {@code s3://} location is first used, so local runs need no AWS configuration at all.
 */
@Component
public class SourceRegistry {

    private final S3Properties s3Properties;
    private final Map<String, ObjectSource> sources = new ConcurrentHashMap<>();
    private volatile S3Client s3;

    public SourceRegistry(S3Properties s3Properties) {
        this.s3Properties = s3Properties;
    }

    public ObjectSource get(String location) {
        return sources.computeIfAbsent(location, l -> SourceLocations.open(l, this::s3));
    }

    /** The source whose canonical {@link ObjectSource#location()} is given (as stored with partitions). */
    public ObjectSource byCanonicalLocation(String canonical, Iterable<String> configured) {
        for (String location : configured) {
            ObjectSource source = get(location);
            if (source.location().equals(canonical)) {
                return source;
            }
        }
        return get(canonical);
    }

    private S3Client s3() {
        S3Client client = s3;
        if (client == null) {
            synchronized (this) {
                if (s3 == null) {
                    s3 = S3ClientFactory.create(s3Properties);
                }
                client = s3;
            }
        }
        return client;
    }

    @PreDestroy
    public void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
