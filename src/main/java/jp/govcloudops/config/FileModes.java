package jp.govcloudops.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Creates files and directories with the configured modes ({@link FileProperties}; by default 0600 and 0700), and
 * restricts files that a library created. Modes are set explicitly after creation, so the umask neither loosens nor
 * tightens them. On a file system without POSIX permissions nothing is changed.
 */
@Component
public final class FileModes {

    /** Owner only: for commands that run without the application's configuration (sample-data). */
    public static final FileModes OWNER_ONLY = new FileModes("0600", "0700");

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Set<PosixFilePermission> file;
    private final Set<PosixFilePermission> directory;

    @Autowired
    public FileModes(FileProperties properties) {
        this(properties.mode(), properties.directoryMode());
    }

    public FileModes(String fileMode, String directoryMode) {
        this.file = permissions(fileMode);
        this.directory = permissions(directoryMode);
    }

    /** Parses an octal mode such as {@code 0640}. */
    static Set<PosixFilePermission> permissions(String octal) {
        if (octal == null || !octal.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("not an octal file mode such as 0600: " + octal);
        }
        int bits = Integer.parseInt(octal, 8);
        StringBuilder text = new StringBuilder(9);
        for (int shift = 6; shift >= 0; shift -= 3) {
            int part = bits >> shift;
            text.append((part & 4) != 0 ? 'r' : '-').append((part & 2) != 0 ? 'w' : '-').append((part & 1) != 0 ? 'x' : '-');
        }
        return Collections.unmodifiableSet(PosixFilePermissions.fromString(text.toString()));
    }

    public Set<PosixFilePermission> directoryMode() {
        return directory;
    }

    /** Creates {@code dir} and its missing parents with the directory mode; existing directories are left as they are. */
    public Path createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path created : missing) {
            try {
                // Created with the mode (the umask can only take bits away), so it is never open to others.
                Files.createDirectory(created, attributes(directory));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(created)) {
                    throw e;
                }
                continue; // made meanwhile by another process
            }
            setMode(created, directory);
        }
        return dir;
    }

    /**
     * Opens {@code file} for writing (created or truncated) after creating its directory. A new file is created with
     * the file mode; an existing one gets it before anything is written.
     */
    public OutputStream newOutputStream(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        OutputStream out = Channels.newOutputStream(Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), attributes(this.file)));
        setMode(file, this.file);
        return out;
    }

    public Path writeString(Path file, String text) throws IOException {
        try (OutputStream out = newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /**
     * Gives a tree this process wrote, such as a sample whose files a library wrote, the modes: directories the
     * directory mode, files the file mode. Symbolic links are not followed.
     */
    public void restrictTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    setMode(path, directory);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    setMode(path, file);
                }
            }
        }
    }

    /** Gives a file that exists the file mode; a file that is gone is passed over. */
    public void restrict(Path file) throws IOException {
        try {
            setMode(file, this.file);
        } catch (NoSuchFileException e) {
            // removed meanwhile (H2's lock and temporary files come and go)
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> mode) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    private static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, mode);
        }
    }
}
