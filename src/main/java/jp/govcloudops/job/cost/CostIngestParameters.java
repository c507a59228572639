package jp.govcloudops.job.cost;

import java.util.Arrays;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one cost ingestion covers: export locations (every billing period found, unchanged ones skipped) and single
 * files (always read). All fields identify the job instance; {@code attempt} moves on once an instance completed.
 *
 * @param sources export locations as configured ({@code s3://bucket/prefix} or directories)
 * @param files   single files (absolute paths)
 * @param force   read export periods again even when unchanged
 */
public record CostIngestParameters(List<String> sources, List<String> files, boolean force, long attempt) {

    public CostIngestParameters {
        if (sources.isEmpty() && files.isEmpty()) {
            throw new IllegalArgumentException("no cost export location: give --cost-source=s3://bucket/prefix or a"
                    + " directory, set govcloud.cost.sources, or name files");
        }
    }

    public CostIngestParameters withAttempt(long next) {
        return new CostIngestParameters(sources, files, force, next);
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString("sources", String.join("\n", sources))
                .addString("files", String.join("\n", files))
                .addString("force", Boolean.toString(force))
                .addLong("attempt", attempt)
                .toJobParameters();
    }

    public static CostIngestParameters of(JobParameters p) {
        return new CostIngestParameters(split(p.getString("sources")), split(p.getString("files")),
                Boolean.parseBoolean(p.getString("force")), p.getLong("attempt"));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
