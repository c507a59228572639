package jp.govcloudops.job.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.config.SecurityServicesProperties;
import jp.govcloudops.source.AwsLogsLayout;
import jp.govcloudops.source.FirehoseLayout;
import jp.govcloudops.source.LogType;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.SourceRegistry;
import org.springframework.stereotype.Component;

/** The partitions of a run's range found at one source: its AWSLogs tree and, for Security Hub, its Firehose folders. */
@Component
public class RunDiscovery {

    private final SourceRegistry sources;
    private final String securityHubPrefix;

    public RunDiscovery(SourceRegistry sources, SecurityServicesProperties securityServices) {
        this.sources = sources;
        this.securityHubPrefix = securityServices.securityHubPrefix();
    }

    /** Every partition of {@code parameters}' range and filters at {@code location}, listed folder or not. */
    public List<AwsLogsLayout.Discovered> discover(IngestParameters parameters, String location) {
        ObjectSource source = sources.get(location);
        try {
            List<AwsLogsLayout.Discovered> found = new ArrayList<>(sources.layout(source).discover(parameters.from(),
                    parameters.to(), parameters.logTypes(), account -> parameters.accounts().isEmpty()
                            || parameters.accounts().contains(account)));
            // Security Hub's Firehose folders name no account: read whatever accounts were asked for.
            if (parameters.logTypes().contains(LogType.SECURITYHUB) && !securityHubPrefix.isEmpty()) {
                found.addAll(new FirehoseLayout(source, securityHubPrefix, LogType.SECURITYHUB)
                        .discover(parameters.from(), parameters.to()));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + source.location() + ": " + e.getMessage(), e);
        }
    }
}
