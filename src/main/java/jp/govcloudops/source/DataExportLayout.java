package jp.govcloudops.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the billing periods of AWS Data Exports below a source:
 * {@code <prefix>/<export-name>/data/BILLING_PERIOD=YYYY-MM/<export-name>-00001.snappy.parquet} (or
 * {@code .csv.gz}), with the manifests under {@code <export-name>/metadata/}, which are skipped: the files in the
 * data folder are the export. The source may stand for the bucket prefix, an export or its data folder.
 *
 * <p>An export set to "create new" delivers every refresh into its own sub-folder of the billing period; then only
 * the latest delivery (the sub-folder with the newest object) is the period's data, and the older ones are counted
 * as ignored. Files directly in the period folder (the "overwrite" setting) form one delivery of their own.
 */
public final class DataExportLayout {

    private static final Pattern PERIOD_FOLDER = Pattern.compile("BILLING_PERIOD=(\\d{4}-\\d{2})");
    private static final int MAX_DEPTH = 5;

    /**
     * One billing period of one export as delivered now.
     *
     * @param exportUri     the export folder ({@code s3://bucket/prefix/<export>/}), naming the dataset
     * @param unitUri       the billing period folder, the unit a load replaces
     * @param billingPeriod 'YYYY-MM' from the folder name
     * @param files         the data files of the latest delivery, by key
     * @param ignoredFiles  older deliveries' files and files that are not data (manifests, markers)
     * @param fingerprint   changes whenever a data file is added, removed or rewritten
     * @param deliveredAt   the newest data file's modification time
     */
    public record ExportPeriod(String exportUri, String unitUri, String billingPeriod, List<SourceObject> files,
            int ignoredFiles, String fingerprint, Instant deliveredAt) {
    }

    private final ObjectSource source;

    public DataExportLayout(ObjectSource source) {
        this.source = source;
    }

    public List<ExportPeriod> periods() throws IOException {
        List<ExportPeriod> periods = new ArrayList<>();
        String root = source.rootPrefix();
        String rootName = AwsLogsLayout.lastSegment(root.isEmpty() ? source.location() : root);
        var rootPeriod = PERIOD_FOLDER.matcher(rootName);
        if (rootPeriod.matches()) {
            periods.add(period(root, rootPeriod.group(1)));
            return periods;
        }
        Deque<String> level = new ArrayDeque<>(List.of(root));
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            Deque<String> next = new ArrayDeque<>();
            for (String folder : level) {
                for (String child : source.listFolders(folder)) {
                    String name = AwsLogsLayout.lastSegment(child);
                    var matcher = PERIOD_FOLDER.matcher(name);
                    if (matcher.matches()) {
                        periods.add(period(child, matcher.group(1)));
                    } else if (!name.equals("metadata")) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        periods.sort(Comparator.comparing(ExportPeriod::unitUri));
        return periods;
    }

    private ExportPeriod period(String folder, String billingPeriod) throws IOException {
        Map<String, List<SourceObject>> deliveries = new LinkedHashMap<>();
        int ignored = 0;
        for (SourceObject object : source.listObjects(folder)) {
            if (!isDataFile(object.key())) {
                ignored++;
                continue;
            }
            String below = object.key().substring(folder.length());
            int slash = below.indexOf('/');
            String delivery = slash < 0 ? "" : below.substring(0, slash);
            deliveries.computeIfAbsent(delivery, d -> new ArrayList<>()).add(object);
        }
        List<SourceObject> latest = List.of();
        Instant latestTime = null;
        String latestName = null;
        for (Map.Entry<String, List<SourceObject>> delivery : deliveries.entrySet()) {
            Instant newest = delivery.getValue().stream().map(SourceObject::lastModified)
                    .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
            if (latestTime == null || newest.isAfter(latestTime)
                    || newest.equals(latestTime) && delivery.getKey().compareTo(latestName) > 0) {
                latest = delivery.getValue();
                latestTime = newest;
                latestName = delivery.getKey();
            }
        }
        for (List<SourceObject> delivery : deliveries.values()) {
            if (delivery != latest) {
                ignored += delivery.size();
            }
        }
        String base = source.location().substring(0, source.location().length() - source.rootPrefix().length());
        String parent = parentFolder(folder);
        String export = AwsLogsLayout.lastSegment(parent).equals("data") ? parentFolder(parent) : parent;
        return new ExportPeriod(base + export, base + folder, billingPeriod, latest, ignored, fingerprint(latest),
                latestTime == null ? Instant.EPOCH : latestTime);
    }

    /** Data files of an export: Parquet and CSV, plain or gzip. Manifests and markers are not. */
    public static boolean isDataFile(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") || name.endsWith(".csv") || name.endsWith(".csv.gz")
                || name.endsWith(".gz") && !name.endsWith(".json.gz");
    }

    /** A digest of the keys, versions and sizes of a set of files. */
    public static String fingerprint(List<SourceObject> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.stream().sorted(Comparator.comparing(SourceObject::key)).forEach(f -> digest.update(
                    (f.key() + "\t" + f.etag() + "\t" + f.size() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String parentFolder(String folder) {
        String trimmed = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? "" : trimmed.substring(0, slash + 1);
    }
}
