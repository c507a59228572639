package jp.govcloudops.sample;

import java.io.IOException;
import java.util.List;

/**
 * One kind of output of the sample generator (CloudTrail logs, flow logs, the configuration, ...). Writers share
 * the estate, the scenario and the output through the {@link SampleContext}; see the package documentation for how
 * to add one.
 */
public interface SampleWriter {

    /** A short name, also the name of the writer's random streams: changing it changes its output. */
    String name();

    /** Paths below the output directory that this writer owns, removed first when the output is overwritten. */
    List<String> ownedPaths();

    void write(SampleContext context) throws IOException;
}
