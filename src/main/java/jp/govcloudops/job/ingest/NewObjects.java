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

    /** What the listing found: the date folders listed and the objects in them the manifest does not have. */
    public record Probe(int folders, long pending) {
    }

    /** Lists the date folders of {@code parameters} (not a --force run) and counts what is not yet read. */
    public Probe probe(IngestParameters parameters) {
        int folders = 0;
        long pending = 0;
        for (String location : parameters.sources()) {
            ObjectSource source = sources.get(location);
            List<LogPartition> listed = discovery.discover(parameters, location).stream()
                    .filter(AwsLogsLayout.Discovered::folderListed).map(AwsLogsLayout.Discovered::partition).toList();
            List<Long> ids = store.ensurePartitions(listed);
            for (int i = 0; i < listed.size(); i++) {
                try {
                    pending += PendingObjectReader.pending(source.listObjects(listed.get(i).folderPrefix()),
                            store.manifest(ids.get(i)), false, 0).size();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + source.location() + listed.get(i).folderPrefix(), e);
                }
            }
            folders += listed.size();
        }
        return new Probe(folders, pending);
    }
}
