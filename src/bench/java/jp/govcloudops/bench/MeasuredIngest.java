package jp.govcloudops.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.source.LogType;
import jp.govcloudops.store.IngestRunSummary;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One measured ingestion, in its own JVM so that its heap, resident memory and CPU time are its own. Starts the
 * application as {@code nightly} and {@code reprocess} do, times only the ingestion job (not JVM or context
 * start-up), then writes the run's figures and the view the run fed ({@code flow_daily} or {@code cloudtrail_daily})
 * for the comparison with DuckDB.
 *
 * <p>Arguments: {@code RESULT ROWS VIEW FROM TO LOG_TYPES ACCOUNTS|* SOURCE [--spring.property=value ...]}.
 */
public final class MeasuredIngest {

    public static void main(String[] args) throws Exception {
        Path result = Path.of(args[0]);
        Path rows = Path.of(args[1]);
        String view = args[2];
        LocalDate from = LocalDate.parse(args[3]);
        LocalDate to = LocalDate.parse(args[4]);
        Set<LogType> types = EnumSet.noneOf(LogType.class);
        Arrays.stream(args[5].split(",")).map(LogType::fromId).forEach(types::add);
        Set<String> accounts = args[6].equals("*") ? Set.of() : new HashSet<>(List.of(args[6].split(",")));
        String source = args[7];
        List<String> properties = new ArrayList<>(List.of(args).subList(8, args.length));
        properties.add("--govcloud.sources[0]=" + source);

        ProcessMetrics metrics = new ProcessMetrics();
        Properties out = new Properties();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GovcloudOpsApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(properties.toArray(new String[0]))) {
            IngestParameters parameters = new IngestParameters(from, to, types, accounts, false, List.of(source), 1);
            // The job's window in JVM uptime, to line it up with -Xlog and -XX:+PrintCompilation output.
            out.setProperty("jobStartUptimeMs", Long.toString(ManagementFactory.getRuntimeMXBean().getUptime()));
            metrics.start();
            Instant measureStart = Instant.now();
            out.setProperty("measureStartEpochMs", Long.toString(measureStart.toEpochMilli())); // for profiles
            IngestLauncher.Outcome outcome = context.getBean(IngestLauncher.class).run(parameters, Duration.ofMinutes(1));
            metrics.stop(out);
            Instant measureEnd = Instant.now();
            putPhases(out, outcome.execution(), measureStart, measureEnd);
            out.setProperty("jobEndUptimeMs", Long.toString(ManagementFactory.getRuntimeMXBean().getUptime()));
            IngestRunSummary s = outcome.summary();
            out.setProperty("status", outcome.execution().getStatus().toString());
            out.setProperty("partitions", Integer.toString(s.partitions()));
            out.setProperty("objects", Long.toString(s.objects()));
            out.setProperty("failedObjects", Long.toString(s.failedObjects()));
            out.setProperty("records", Long.toString(s.records()));
            out.setProperty("quarantined", Long.toString(s.quarantined()));
            writeView(context.getBean(JdbcTemplate.class), view, rows);
        }
        try (OutputStream o = Files.newOutputStream(result)) {
            out.store(o, "MeasuredIngest");
        }
    }

    /**
     * Where the wall time went, from the job repository's step times (milliseconds): before the first partition
     * step started (launch, partitioning), while partition steps ran, and after the last one ended (finalizing,
     * the run's summary). Only the middle phase has work for both cores.
     */
    private static void putPhases(Properties out, JobExecution job, Instant start, Instant end) {
        List<StepExecution> workers = job.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("ingestObjects")).toList();
        if (workers.isEmpty()) {
            return;
        }
        Instant first = workers.stream().map(s -> instant(s.getStartTime())).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = workers.stream().map(s -> instant(s.getEndTime())).max(Comparator.naturalOrder()).orElseThrow();
        out.setProperty("beforePartitionsMs", Long.toString(Duration.between(start, first).toMillis()));
        out.setProperty("partitionsMs", Long.toString(Duration.between(first, last).toMillis()));
        out.setProperty("afterPartitionsMs", Long.toString(Duration.between(last, end).toMillis()));
    }

    private static Instant instant(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static void writeView(JdbcTemplate jdbc, String view, Path rows) throws IOException {
        String sql = switch (view) {
            case "flow_daily" -> "SELECT day, account_id, region, interface_id, action, log_status, flows, packets,"
                    + " bytes FROM flow_daily";
            case "cloudtrail_daily" -> "SELECT day, account_id, region, event_source, event_name, error_code, events"
                    + " FROM cloudtrail_daily";
            default -> throw new IllegalArgumentException("unknown view " + view);
        };
        try (BufferedWriter w = Files.newBufferedWriter(rows)) {
            jdbc.query(sql, rs -> {
                int n = rs.getMetaData().getColumnCount();
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    line.append(i > 1 ? "\t" : "").append(v == null ? "" : v.toString());
                }
                try {
                    w.write(line.append('\n').toString());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
