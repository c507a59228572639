package jp.govcloudops.job.ingest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jp.govcloudops.source.LogType;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one ingestion run covers. All fields identify the job instance, so re-running the same command after a
 * crash restarts the same instance; {@code attempt} moves on once an instance has completed.
 *
 * @param from     first folder date (UTC, as in the keys)
 * @param to       last folder date
 * @param logTypes log types to read
 * @param accounts accounts to read; empty means all found
 * @param force    replace the partitions' contributions from scratch
 * @param sources  source locations
 */
public record IngestParameters(LocalDate from, LocalDate to, Set<LogType> logTypes, Set<String> accounts,
        boolean force, List<String> sources, long attempt) {

    private static final String ALL = "*";

    public IngestParameters {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to (" + to + ") is before --from (" + from + ")");
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no source location: give --source=s3://bucket/prefix or a directory,"
                    + " or set govcloud.sources");
        }
    }

    public IngestParameters withAttempt(long next) {
        return new IngestParameters(from, to, logTypes, accounts, force, sources, next);
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString("from", from.toString())
                .addString("to", to.toString())
                .addString("logTypes", logTypes.stream().map(LogType::id).sorted().collect(Collectors.joining(",")))
                .addString("accounts", accounts.isEmpty() ? ALL : String.join(",", new TreeSet<>(accounts)))
                .addString("force", Boolean.toString(force))
                .addString("sources", String.join("\n", sources))
                .addLong("attempt", attempt)
                .toJobParameters();
    }

    public static IngestParameters of(JobParameters p) {
        String types = p.getString("logTypes");
        String accounts = p.getString("accounts");
        return new IngestParameters(LocalDate.parse(p.getString("from")), LocalDate.parse(p.getString("to")),
                Arrays.stream(types.split(",")).filter(s -> !s.isBlank()).map(LogType::fromId)
                        .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(LogType.class))),
                accounts == null || accounts.equals(ALL) ? Set.of() : Set.of(accounts.split(",")),
                Boolean.parseBoolean(p.getString("force")),
                List.of(p.getString("sources").split("\n")),
                p.getLong("attempt"));
    }
}
