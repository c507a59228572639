package jp.govcloudops.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An H2 store kept in a local file, named by its JDBC URL: {@code jdbc:h2:file:./data/govcloud} is the base path
 * {@code ./data/govcloud}, beside which H2 keeps {@code govcloud.mv.db}, {@code .lock.db} and {@code .trace.db} and
 * govcloud-ops keeps {@code govcloud.credentials}.
 */
public record H2FileStore(Path base) {

    /** The local file store of {@code url}; empty for other databases and for in-memory or remote H2 URLs. */
    public static Optional<H2FileStore> of(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        if (settings >= 0) {
            name = name.substring(0, settings);
        }
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("[A-Za-z]{2,}:.*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, or a file system prefix such as nio: or zip:
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(new H2FileStore(Path.of(name).toAbsolutePath().normalize()));
    }

    public Path file(String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    public Path directory() {
        return base.getParent();
    }

    /** The store's data file; it exists once the store has been opened. */
    public Path dataFile() {
        return file(".mv.db");
    }

    /** The store's passwords (0600), beside its file so that stores given by --db never share them. */
    public Path credentialsFile() {
        return file(".credentials");
    }

    /** The files H2 keeps for this store. */
    public List<Path> h2Files() {
        return List.of(dataFile(), file(".lock.db"), file(".trace.db"));
    }
}
