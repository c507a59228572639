package jp.govcloudops.detect;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.job.ingest.IngestLauncher;
import jp.govcloudops.job.ingest.IngestParameters;
import jp.govcloudops.pipeline.DetectionStage;
import jp.govcloudops.source.LogType;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application on an H2 file store in a temporary directory, reading a local source, for detection tests. */
final class StoreContext implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final Path source;
    final String url;

    StoreContext(Path dir, Path source, String... properties) {
        this("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), source, properties);
    }

    /** On the store at {@code url} (jp.govcloudops.support.TestStore gives H2 or a fresh PostgreSQL schema). */
    StoreContext(String url, Path source, String... properties) {
        this.source = source;
        this.url = url;
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--govcloud.sources[0]=" + source.toAbsolutePath(), "--logging.level.jp.govcloudops=WARN"));
        if (!url.startsWith("jdbc:h2:")) {
            args.add("--spring.datasource.username=");
        }
        List<String> given = List.of(properties);
        // A repeated command-line property is joined with commas, so defaults only where the test gives none.
        if (given.stream().noneMatch(p -> p.startsWith("--govcloud.network."))) {
            args.addAll(List.of("--govcloud.network.vpc[0]=10.0.0.0/16", "--govcloud.network.lgcs[0]=172.16.0.0/12",
                    "--govcloud.network.asp[0]=192.168.100.0/24"));
        }
        if (given.stream().noneMatch(p -> p.startsWith("--govcloud.accounts"))) {
            args.addAll(List.of("--govcloud.accounts[0].id=111122223333", "--govcloud.accounts[0].name=生活保護"));
        }
        args.addAll(given);
        this.context = new SpringApplicationBuilder(GovcloudOpsApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).run(args.toArray(new String[0]));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    void ingest(LocalDate from, LocalDate to, boolean force) throws Exception {
        IngestParameters p = new IngestParameters(from, to, EnumSet.allOf(LogType.class), Set.of(), force,
                List.of(source.toAbsolutePath().toString()), 1);
        IngestLauncher.Outcome outcome = bean(IngestLauncher.class).run(p, Duration.ofSeconds(30));
        if (outcome.execution().getStatus() != org.springframework.batch.core.BatchStatus.COMPLETED) {
            throw new AssertionError("ingestion failed: " + outcome.execution().getExitStatus());
        }
    }

    /** Runs the nightly detection stage for {@code day}, returning what it printed. */
    String detect(LocalDate day) {
        StringWriter text = new StringWriter();
        bean(DetectionStage.class).run(day, new PrintWriter(text, true));
        return text.toString();
    }

    @Override
    public void close() {
        context.close();
    }
}
