package jp.govcloudops.source;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jp.govcloudops.config.S3Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Opens each source location once per process and shares it between partitions. The S3 client is built only
 * when an {@code s3://} location is first used, so local runs need no AWS configuration at all. Also holds what
 * keeps many S3 requests in flight: the downloads ahead of the parsing threads ({@link ObjectPrefetch}) and the
 * threads that list folders in parallel; their threads start when first used.
 */
@Component
public class SourceRegistry {

    private static final Logger log = LoggerFactory.getLogger(SourceRegistry.class);

    private final S3Properties s3Properties;
    private final Map<String, ObjectSource> sources = new ConcurrentHashMap<>();
    private final ObjectPrefetch prefetch;
    private final ExecutorService listings;
    private final S3RequestGauge requests = new S3RequestGauge();
    private volatile S3Client s3;

    public SourceRegistry(S3Properties s3Properties) {
        this.s3Properties = s3Properties;
        this.prefetch = new ObjectPrefetch(s3Properties.getsInFlight(), s3Properties.prefetchBytes().toBytes());
        this.listings = Executors.newFixedThreadPool(s3Properties.listsInFlight(), ObjectPrefetch.daemons("s3-list-"));
    }

    /** The AWSLogs layout of a source, listed in parallel when the source is remote. */
    public AwsLogsLayout layout(ObjectSource source) {
        return source.remote() ? new AwsLogsLayout(source, listings) : new AwsLogsLayout(source);
    }

    /** A partition's objects, fetched ahead in this order (see {@link ObjectPrefetch}); close it when done. */
    public PrefetchedObjects ahead(ObjectSource source, List<SourceObject> inOrder) {
        return prefetch.ahead(source, inOrder);
    }

    public ObjectPrefetch.Figures prefetchFigures() {
        return prefetch.figures();
    }

    /** This process's S3 requests so far. */
    public S3RequestGauge requests() {
        return requests;
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
                    s3 = S3ClientFactory.create(s3Properties, requests);
                }
                client = s3;
            }
        }
        return client;
    }

    @PreDestroy
    public void close() {
        String made = requests.describe();
        if (made != null) {
            ObjectPrefetch.Figures ahead = prefetch.figures();
            log.info("{}; {} objects downloaded ahead, at most {} downloads at once", made, ahead.objects(),
                    ahead.maxInFlight());
        }
        prefetch.close();
        listings.shutdownNow();
        if (s3 != null) {
            s3.close();
        }
    }
}
