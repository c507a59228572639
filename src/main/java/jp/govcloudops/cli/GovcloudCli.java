package jp.govcloudops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jp.govcloudops.GovcloudOpsApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code govcloud-ops} command. Global options may stand before or after the command name. Commands that
 * need the store start the Spring context with these options as the highest-priority properties.
 */
@Command(name = "govcloud-ops", mixinStandardHelpOptions = true, version = "govcloud-ops 0.1.0",
        description = "Nightly and monthly operations for a Government Cloud (ガバメントクラウド) AWS estate.",
        subcommands = {NightlyCommand.class, ReprocessCommand.class, StatusCommand.class, QueryCommand.class,
                SampleDataCommand.class, DemoCommand.class, WorkerCommand.class, ReportCommand.class,
                EffortCommand.class, IncidentCommand.class, InquiryCommand.class, RiskCommand.class,
                CostIngestCommand.class, CostCheckCommand.class, FindingsCommand.class, VerifyTrailCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (run the same command again to resume)",
                "2:completed with data gaps or quarantined input"})
public class GovcloudCli {

    @Option(names = "--source", scope = ScopeType.INHERIT, paramLabel = "LOCATION",
            description = "Log location: s3://bucket/prefix or a local directory with the same key layout."
                    + " Repeatable. Default: govcloud.sources.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--cost-source", scope = ScopeType.INHERIT, paramLabel = "LOCATION",
            description = "AWS Data Exports location (CUR 2.0 or FOCUS): s3://bucket/prefix or a local directory"
                    + " holding <export>/data/BILLING_PERIOD=YYYY-MM/. Repeatable. Default: govcloud.cost.sources.")
    List<String> costSources = new ArrayList<>();

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "The store. Default: the H2 file database under ./data.")
    String database;


    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new GovcloudCli());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + rootMessage(e));
            return ExitCodes.FAILURE;
        });
        return commandLine.execute(args);
    }

    /** The most specific message in the cause chain: start-up failures wrap the real reason several times. */
    static String rootMessage(Throwable e) {
        String message = e.toString();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }

    /** Starts the application context with the global options applied, runs {@code work}, closes the context. */
    public <T> T withContext(Function<ConfigurableApplicationContext, T> work, String... extraProperties) {
        List<String> properties = new ArrayList<>();
        if (database != null) {
            properties.add("--spring.datasource.url=" + database);
            if (!database.startsWith("jdbc:h2:")) {
                properties.add("--spring.datasource.username=");
            }
        }
        for (int i = 0; i < sources.size(); i++) {
            properties.add("--govcloud.sources[" + i + "]=" + sources.get(i));
        }
        for (int i = 0; i < costSources.size(); i++) {
            properties.add("--govcloud.cost.sources[" + i + "]=" + costSources.get(i));
        }
        properties.addAll(List.of(extraProperties));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GovcloudOpsApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(properties.toArray(new String[0]))) {
            return work.apply(context);
        }
    }
}
