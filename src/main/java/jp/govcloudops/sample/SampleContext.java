package jp.govcloudops.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What writers share: the estate, the options, the scenario, named random streams, the output, and what earlier
 * writers delivered (CloudTrail digests list the log files the CloudTrail writer wrote).
 */
public final class SampleContext {

    /** The S3-style log tree below the output directory, as {@code govcloud.sources} points at it. */
    public static final String LOGS = "logs";

    /** A CloudTrail log file as delivered, for the digest that covers it ({@code sha256} of its uncompressed JSON). */
    public record Delivery(String accountId, String region, String key, long deliveredAt, byte[] sha256,
            long oldestEvent, long newestEvent) {
    }

    private final SampleEstate estate;
    private final SampleOptions options;
    private final Seeds seeds;
    private final SampleScenario scenario;
    private final ObjectSink sink;
    private final List<Delivery> cloudTrailDeliveries = new ArrayList<>();
    private String publicKeyFile;

    public SampleContext(SampleEstate estate, SampleOptions options, SampleScenario scenario, ObjectSink sink) {
        this.estate = estate;
        this.options = options;
        this.seeds = new Seeds(options.seed());
        this.scenario = scenario;
        this.sink = sink;
    }

    public SampleEstate estate() {
        return estate;
    }

    public SampleOptions options() {
        return options;
    }

    public Seeds seeds() {
        return seeds;
    }

    public SampleScenario scenario() {
        return scenario;
    }

    public ObjectSink sink() {
        return sink;
    }

    public List<Delivery> cloudTrailDeliveries() {
        return cloudTrailDeliveries;
    }

    /** The digests' public key file, below the output, once a writer has written it (null before). */
    public String publicKeyFile() {
        return publicKeyFile;
    }

    void publicKeyFile(String relativePath) {
        this.publicKeyFile = relativePath;
    }

    /** Writes an object of the log tree at {@code key} (an S3 key below {@code logs/}). */
    public void writeLog(String kind, String key, byte[] bytes, long records) {
        sink.write(kind, LOGS + "/" + key, bytes, records);
    }

    /** Where a log object lives on disk, for writers whose library writes to a path itself. */
    public Path logPath(String key) {
        return sink.root().resolve(LOGS).resolve(key);
    }
}
