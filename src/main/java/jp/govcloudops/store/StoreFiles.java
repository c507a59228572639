package jp.govcloudops.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import jp.govcloudops.config.FileModes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gives the files H2 creates for the store (data, lock and trace file) the configured file mode once the store is
 * open, and again when the application closes (a trace file appears only when H2 has something to report). H2 creates
 * them under the process's umask; the store's directory, created with the directory mode before H2 opens the store
 * ({@link H2StoreSetup}), keeps them from other users meanwhile. A directory made by someone else and open to
 * other users is left as it is, with a warning.
 */
@Component
public class StoreFiles {

    private static final Logger log = LoggerFactory.getLogger(StoreFiles.class);

    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Optional<H2FileStore> store;
    private final FileModes modes;

    public StoreFiles(Environment environment, FileModes modes) {
        this.store = H2FileStore.of(environment.getProperty("spring.datasource.url"));
        this.modes = modes;
    }

    @EventListener(ContextRefreshedEvent.class)
    public void storeOpened() throws IOException {
        if (store.isEmpty()) {
            return;
        }
        restrict();
        Path directory = store.get().directory();
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(directory);
        if (mode.stream().anyMatch(OTHERS::contains) && !modes.directoryMode().containsAll(mode)) {
            log.warn("The store's directory {} is open to other users ({}); the store's files are not, but their names"
                    + " are: chmod {} it (docs/operations.md, \"Store credentials\")", directory,
                    PosixFilePermissions.toString(mode), PosixFilePermissions.toString(modes.directoryMode()));
        }
    }

    @EventListener(ContextClosedEvent.class)
    public void closing() throws IOException {
        if (store.isPresent()) {
            restrict();
        }
    }

    private void restrict() throws IOException {
        for (Path file : store.get().h2Files()) {
            if (Files.exists(file)) {
                modes.restrict(file);
            }
        }
    }
}
