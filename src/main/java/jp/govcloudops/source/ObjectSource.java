package jp.govcloudops.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A place that holds log objects in the AWS key layout: an S3 bucket prefix or a local directory.
 * Keys use {@code /} separators; folders are key prefixes ending in {@code /}.
 */
public interface ObjectSource extends AutoCloseable {

    /** Canonical name of the location, stored with every manifest row ({@code s3://bucket/prefix}, {@code file:/dir}). */
    String location();

    /**
     * Fails with {@link SourceUnavailableException} when the location cannot be listed at all (a bucket that does not
     * exist, access denied, no answer), so that a run can refuse to start instead of failing its first step.
     */
    default void checkReadable() {
    }

    /** Whether each request waits on a network (S3), so that reading objects ahead and listing in parallel pay. */
    default boolean remote() {
        return false;
    }

    /** The key prefix the location stands for ("" for a whole bucket or a local root). */
    String rootPrefix();

    /** Immediate sub-folders of a folder, as full prefixes ending in {@code /}, sorted. */
    List<String> listFolders(String prefix) throws IOException;

    /** Every object below a folder, at any depth, sorted by key. */
    List<SourceObject> listObjects(String prefix) throws IOException;

    /** The object's bytes as stored (still compressed). */
    InputStream open(SourceObject object) throws IOException;

    /**
     * The object's user metadata: S3's {@code x-amz-meta-*} headers, by name without that prefix, in lower case. A
     * local file has none.
     */
    default Map<String, String> userMetadata(SourceObject object) throws IOException {
        return Map.of();
    }

    /**
     * A local file with the object's bytes, for formats that need random access (Parquet), copied from
     * {@code opened}: the object as {@link #open} returned it, not yet read, so that a caller that looked at the
     * first bytes to recognise the format does not fetch the object a second time. A source that holds the object
     * as a local file may return that file instead. The caller deletes the file when
     * {@link LocalCopy#temporary()} says so.
     */
    default LocalCopy localCopy(SourceObject object, InputStream opened) throws IOException {
        Path file = Files.createTempFile("govcloud-ops-", ".obj");
        try {
            Files.copy(opened, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new LocalCopy(file, true);
    }

    @Override
    default void close() {
    }

    record LocalCopy(Path path, boolean temporary) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (temporary) {
                Files.deleteIfExists(path);
            }
        }
    }
}
