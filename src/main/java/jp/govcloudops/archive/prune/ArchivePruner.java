package jp.govcloudops.archive.prune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.govcloudops.archive.ArchiveStore;
import jp.govcloudops.archive.ArchiveStore.ArchivedFile;
import jp.govcloudops.config.ArchiveProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the archive's retention: the compacted files of days (folder dates) older than
 * {@code govcloud.archive.retention} are listed, and deleted on request. The store forgets a file after it is
 * gone, so an interrupted prune lists the rest again.
 */
@Component
public class ArchivePruner {

    private final ArchiveStore store;
    private final ArchiveProperties properties;
    private final TransactionTemplate transactions;

    public ArchivePruner(ArchiveStore store, ArchiveProperties properties, TransactionTemplate transactions) {
        this.store = store;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** What the retention removes as of {@code today}: the archive, the first day kept and the files before it. */
    public record Plan(Optional<Path> archive, LocalDate firstKept, List<ArchivedFile> files) {

        public long bytes() {
            return files.stream().mapToLong(ArchivedFile::sizeBytes).sum();
        }

        public long records() {
            return files.stream().mapToLong(ArchivedFile::records).sum();
        }
    }

    public Plan plan(LocalDate today) {
        LocalDate firstKept = today.minus(properties.retention());
        Optional<Path> archive = store.recordedLocation();
        return new Plan(archive, firstKept, archive.isEmpty() ? List.of() : store.filesBefore(firstKept));
    }

    /** Deletes the plan's files, each followed by the store's record of it; empty folders go too. */
    public void delete(Plan plan) {
        if (plan.archive().isEmpty()) {
            return;
        }
        Path root = plan.archive().get();
        for (ArchivedFile file : plan.files()) {
            Path path = root.resolve(file.path());
            try {
                Files.deleteIfExists(path);
                transactions.executeWithoutResult(status -> store.pruned(file.partitionId()));
                removeEmptyFolders(root, path.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + path + ": " + e.getMessage(), e);
            }
        }
    }

    private static void removeEmptyFolders(Path root, Path folder) throws IOException {
        for (Path f = folder; f != null && f.startsWith(root) && !f.equals(root); f = f.getParent()) {
            try {
                Files.deleteIfExists(f);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }
}
