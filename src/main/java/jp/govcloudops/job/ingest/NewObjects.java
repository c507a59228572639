package jp.govcloudops.job.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jp.govcloudops.source.AwsLogsLayout;
import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.SourceRegistry;
import jp.govcloudops.store.IngestStore;
import org.springframework.stereotype.Component;

/**
 * Whether a run would read anything: lists the run's date folders and compares them with the manifest as the
 * ingest job's readers do, without launching the job. The intraday run asks this first, every 10–15 minutes, and
 * most of its runs find nothing; a job launch costs its repository rows, a step per partition and the
 * finalisation.
 */
@Component
public class NewObjects {

    private final RunDiscovery discovery;
    private final SourceRegistry sources;
    private final IngestStore store;

    public NewObjects(RunDiscovery discovery, SourceRegistry sources, IngestStore store) {
        this.discovery = discovery;
        this.sources = sources;
        this.store = store;
    }

    /**
     * What the listing found: the date folders listed and whether one of them holds an object the manifest does
     * not have. The listing stops at the first such folder, since the job then lists them all again.
     */
    public record Probe(int folders, boolean anyNew) {
    }

    /** Lists the date folders of {@code parameters} (read as a run without --force) until one holds a new object. */
    public Probe probe(IngestParameters parameters) {
        int folders = 0;
        for (String location : parameters.sources()) {
            ObjectSource source = sources.get(location);
            List<LogPartition> listed = discovery.discover(parameters, location).stream()
                    .filter(AwsLogsLayout.Discovered::folderListed).map(AwsLogsLayout.Discovered::partition).toList();
            List<Long> ids = store.ensurePartitions(listed);
            for (int i = 0; i < listed.size(); i++) {
                folders++;
                try {
                    if (!PendingObjectReader.pending(source.listObjects(listed.get(i).folderPrefix()),
                            store.manifest(ids.get(i)), false, 0).isEmpty()) {
                        return new Probe(folders, true);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + source.location() + listed.get(i).folderPrefix(), e);
                }
            }
        }
        return new Probe(folders, false);
    }
}
