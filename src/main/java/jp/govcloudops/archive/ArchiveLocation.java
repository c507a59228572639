package jp.govcloudops.archive;

import java.nio.file.Path;

import jp.govcloudops.config.ArchiveProperties;
import jp.govcloudops.store.H2FileStore;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The archive directory this process is configured for: {@code govcloud.archive.location}, else {@code archive/}
 * beside an H2 file store ({@code jdbc:h2:file:/x/store} → {@code /x/archive}), else {@code ./data/archive}.
 */
@Component
public class ArchiveLocation {

    private final Path root;

    public ArchiveLocation(ArchiveProperties properties, Environment environment) {
        this.root = of(properties.location(), environment.getProperty("spring.datasource.url"));
    }

    static Path of(String location, String storeUrl) {
        if (location != null && !location.isBlank()) {
            return Path.of(location).toAbsolutePath().normalize();
        }
        return H2FileStore.of(storeUrl).map(store -> store.directory().resolve("archive"))
                .orElse(Path.of("data", "archive").toAbsolutePath().normalize());
    }

    public Path configured() {
        return root;
    }
}
