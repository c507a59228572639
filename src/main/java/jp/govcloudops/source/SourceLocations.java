package jp.govcloudops.source;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.function.Supplier;

import software.amazon.awssdk.services.s3.S3Client;

/** Turns a location as an operator writes it ({@code s3://bucket/prefix} or a directory) into an {@link ObjectSource}. */
public final class SourceLocations {

    private SourceLocations() {
    }

    public static ObjectSource open(String location, Supplier<S3Client> s3) {
        String trimmed = location.trim();
        if (trimmed.startsWith("s3://")) {
            String rest = trimmed.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1);
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("no bucket in source location " + location);
            }
            return new S3ObjectSource(s3.get(), bucket, prefix);
        }
        Path dir = Path.of(trimmed.startsWith("file:") ? java.net.URI.create(trimmed).getPath() : trimmed);
        if (!Files.isDirectory(dir)) {
            throw new SourceUnavailableException(location, Files.exists(dir)
                    ? new NotDirectoryException(dir.toString())
                    : new NoSuchFileException(dir.toString(), null, "no such directory (nor s3://bucket/prefix)"));
        }
        return new LocalDirectorySource(dir);
    }
}
