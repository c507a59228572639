package jp.govcloudops.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local directory laid out like the bucket. Local files have no ETag, so size and modification time stand in
 * for it: a rewritten file counts as a changed object.
 */
public final class LocalDirectorySource implements ObjectSource {

    private final Path root;

    public LocalDirectorySource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return root.toUri().toString();
    }

    @Override
    public String rootPrefix() {
        return "";
    }

    @Override
    public List<String> listFolders(String prefix) throws IOException {
        Path dir = resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .map(p -> prefix + p.getFileName() + "/")
                    .sorted()
                    .toList();
        }
    }

    @Override
    public List<SourceObject> listObjects(String prefix) throws IOException {
        Path dir = resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<SourceObject> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (attributes.isRegularFile()) {
                    String key = root.relativize(file).toString().replace('\\', '/');
                    long modified = attributes.lastModifiedTime().toMillis();
                    objects.add(new SourceObject(key, "local-" + attributes.size() + "-" + modified,
                            attributes.size(), attributes.lastModifiedTime().toInstant()));
                }
            }
        }
        objects.sort(Comparator.comparing(SourceObject::key));
        return objects;
    }

    @Override
    public InputStream open(SourceObject object) throws IOException {
        Path file = resolve(object.key());
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "object no longer exists");
        }
        return Files.newInputStream(file);
    }

    @Override
    public LocalCopy localCopy(SourceObject object, InputStream opened) throws IOException {
        return new LocalCopy(resolve(object.key()), false);
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("key escapes the source directory: " + key);
        }
        return path;
    }
}
