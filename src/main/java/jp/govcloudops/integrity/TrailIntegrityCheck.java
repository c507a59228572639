package jp.govcloudops.integrity;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.IntegrityProperties;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.FindingStore;
import jp.govcloudops.integrity.check.HourResult;
import jp.govcloudops.integrity.check.IntegrityStatus;
import jp.govcloudops.integrity.check.Problem;
import jp.govcloudops.integrity.check.StreamCheck;
import jp.govcloudops.integrity.check.StreamInputs;
import jp.govcloudops.integrity.store.PublicKeyStore;
import jp.govcloudops.integrity.store.TrailIntegrityStore;
import jp.govcloudops.source.AwsLogsLayout;
import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;
import jp.govcloudops.source.ObjectKeyTime;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.SourceObject;
import jp.govcloudops.source.SourceRegistry;
import org.springframework.stereotype.Component;

/**
 * The trail integrity check over folder dates: finds every CloudTrail stream of the sources (all layouts), reads
 * its digests (folder dates {@code from} to {@code to}+1, because an hour's digest lands in the next hour's folder)
 * and log files, judges each UTC hour of {@code from}..{@code to} ({@link StreamCheck}), stores the results, keeps
 * the data gaps of missing digests and keys, and re-derives the tampering findings of those days.
 */
@Component
public class TrailIntegrityCheck {

    public static final String DIGEST_FOLDER = "CloudTrail-Digest";

    private final SourceRegistry sources;
    private final GovcloudProperties settings;
    private final IntegrityProperties properties;
    private final PublicKeyStore keyStore;
    private final TrailIntegrityStore store;
    private final IntegrityGaps gaps;
    private final FindingStore findings;
    private final TrailIntegrityDetector detector;

    public TrailIntegrityCheck(SourceRegistry sources, GovcloudProperties settings, IntegrityProperties properties,
            PublicKeyStore keyStore, TrailIntegrityStore store, IntegrityGaps gaps, FindingStore findings,
            TrailIntegrityDetector detector) {
        this.sources = sources;
        this.settings = settings;
        this.properties = properties;
        this.keyStore = keyStore;
        this.store = store;
        this.gaps = gaps;
        this.findings = findings;
        this.detector = detector;
    }

    /** Which streams to check: accounts and regions (empty = all), and the source locations. */
    public record Scope(LocalDate from, LocalDate to, Set<String> accounts, Set<String> regions, List<String> locations) {
    }

    /** The hours checked, per status; {@code wrong} when any is not valid (exit code 2). */
    public record Outcome(int streams, Map<IntegrityStatus, Integer> hours, FindingStore.Outcome findings) {

        public boolean wrong() {
            return hours.entrySet().stream().anyMatch(e -> e.getKey().wrong() && e.getValue() > 0);
        }
    }

    private record Stream(String accountId, String region) {
    }

    public Outcome run(Scope scope, PrintWriter out) throws IOException {
        Instant from = scope.from().atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = scope.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant now = Instant.now();
        PublicKeys keys = PublicKeys.forRun(properties, keyStore, from.minusSeconds(86400), to.plusSeconds(86400), out);
        Predicate<String> account = a -> scope.accounts().isEmpty() || scope.accounts().contains(a);
        Map<IntegrityStatus, Integer> counts = new EnumMap<>(IntegrityStatus.class);
        int streams = 0;
        for (String location : scope.locations()) {
            ObjectSource source = sources.get(location);
            AwsLogsLayout layout = new AwsLogsLayout(source);
            Map<Stream, List<AwsLogsLayout.ServiceDay>> digestDays = new TreeMap<>(STREAM_ORDER);
            for (AwsLogsLayout.ServiceDay day : layout.serviceDays(DIGEST_FOLDER, scope.from(), scope.to().plusDays(1),
                    account)) {
                digestDays.computeIfAbsent(new Stream(day.accountId(), day.region()), k -> new ArrayList<>()).add(day);
            }
            Map<Stream, List<AwsLogsLayout.Discovered>> logDays = new TreeMap<>(STREAM_ORDER);
            for (AwsLogsLayout.Discovered day : layout.discover(scope.from(), scope.to().plusDays(1),
                    EnumSet.of(LogType.CLOUDTRAIL), account)) {
                logDays.computeIfAbsent(new Stream(day.partition().accountId(), day.partition().region()),
                        k -> new ArrayList<>()).add(day);
            }
            Set<Stream> all = new java.util.TreeSet<>(STREAM_ORDER);
            all.addAll(digestDays.keySet());
            all.addAll(logDays.keySet());
            for (Stream stream : all) {
                if (!scope.regions().isEmpty() && !scope.regions().contains(stream.region())) {
                    continue;
                }
                streams++;
                List<HourResult> results = check(source, stream, digestDays.getOrDefault(stream, List.of()),
                        logDays.getOrDefault(stream, List.of()), from, to, now, keys);
                store.replace(source.location(), stream.accountId(), stream.region(), from, to, results);
                gaps.record(source, stream.accountId(), stream.region(), logDays.getOrDefault(stream, List.of()),
                        results, scope.from(), scope.to());
                print(stream, results, out);
                results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
            }
        }
        // The store-zone days that the checked UTC hours fall on.
        int offset = settings.zoneOffsetHours();
        DetectionWindow window = new DetectionWindow(UtcTime.ofEpochSecond(from.getEpochSecond()).plusHours(offset)
                .toLocalDate(), UtcTime.ofEpochSecond(to.getEpochSecond() - 1).plusHours(offset).toLocalDate(), offset);
        FindingStore.Outcome derived = findings.reconcile(detector.name(), detector.ruleIds(), window,
                detector.detect(window));
        return new Outcome(streams, counts, derived);
    }

    private static final java.util.Comparator<Stream> STREAM_ORDER = java.util.Comparator.comparing(Stream::accountId)
            .thenComparing(Stream::region);

    private List<HourResult> check(ObjectSource source, Stream stream, List<AwsLogsLayout.ServiceDay> digestDays,
            List<AwsLogsLayout.Discovered> logDays, Instant from, Instant to, Instant now, PublicKeys keys)
            throws IOException {
        List<StreamInputs.Digest> digests = new ArrayList<>();
        for (AwsLogsLayout.ServiceDay day : digestDays) {
            if (day.folderListed()) {
                digests.addAll(StreamReader.digests(source, source.listObjects(day.folderPrefix())));
            }
        }
        Map<String, SourceObject> objects = new HashMap<>();
        List<StreamInputs.LogObject> logs = new ArrayList<>();
        for (AwsLogsLayout.Discovered day : logDays) {
            if (!day.folderListed()) {
                continue;
            }
            LogPartition p = day.partition();
            for (SourceObject object : source.listObjects(p.folderPrefix())) {
                objects.put(object.key(), object);
                logs.add(new StreamInputs.LogObject(object.key(), ObjectKeyTime.of(object.key(), p.folderPrefix(),
                        p.folderDate())));
            }
        }
        StreamInputs.Hasher hasher = log -> StreamReader.sha256Uncompressed(source, objects.get(log.key()));
        return new StreamCheck(stream.accountId(), stream.region(), from, to, now, hasher, keys).run(digests, logs);
    }

    private static void print(Stream stream, List<HourResult> results, PrintWriter out) {
        Map<IntegrityStatus, Integer> counts = new EnumMap<>(IntegrityStatus.class);
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        StringBuilder line = new StringBuilder("trail-integrity " + stream.accountId() + " " + stream.region() + ": "
                + results.size() + " hours");
        counts.forEach((status, n) -> line.append(", ").append(n).append(' ').append(status.name()));
        out.println(line);
        for (HourResult r : results) {
            for (Problem p : r.problems()) {
                out.println("  " + r.hour() + " " + p.status() + " " + p.objectKey() + ": " + p.detail());
            }
        }
    }
}
