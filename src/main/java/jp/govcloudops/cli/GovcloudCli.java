package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.store.SchemaState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code govcloud-ops} command. Global options may stand before or after the command name. Commands that
 * need the store start the Spring context with these options as the highest-priority properties.
 */
@Command(name = "govcloud-ops", mixinStandardHelpOptions = true, version = "govcloud-ops 0.1.0",
        // Inherited: every subcommand's --help lists the exit codes too.
        scope = ScopeType.INHERIT, exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.FAILURE,
        description = "Nightly and monthly operations for a Government Cloud (ガバメントクラウド) AWS estate.",
        subcommands = {NightlyCommand.class, IntradayCommand.class, ReprocessCommand.class, StatusCommand.class, QueryCommand.class,
                SampleDataCommand.class, DemoCommand.class, WorkerCommand.class, ReportCommand.class, ServeCommand.class,
                UserCommand.class,
                EffortCommand.class, IncidentCommand.class, InquiryCommand.class, RiskCommand.class,
                CostIngestCommand.class, CostCheckCommand.class, FindingsCommand.class, VerifyTrailCommand.class,
                ArchiveCommand.class, SearchCommand.class, ConnectivityCommand.class, TimelineCommand.class,
                HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (run the same command again to resume)",
                "2:completed with data gaps or quarantined input",
                "64:usage error: wrong command line, nothing was run (see COMMAND --help)"})
public class GovcloudCli {

    /**
     * Spring's own report of a failed start: a trace of 70-170 lines, replaced by the one line of
     * {@link FailureMessage}. Off before the logging configuration is read too (a configuration file that does not
     * parse fails before that).
     */
    private static final List<String> SPRING_FAILURE_LOGGERS = List.of("org.springframework.boot.SpringApplication",
            "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter",
            "org.springframework.context.annotation.AnnotationConfigApplicationContext");

    /** Where the full trace of a failure goes: the log file only (see logback-spring.xml). */
    private static final Logger FAILURE_TRACE = LoggerFactory.getLogger("jp.govcloudops.cli.FailureTrace");

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

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On a failure, also print the full stack trace, before the one-line reason (the log"
                    + " file, when logging.file.name is set, always has it).")
    boolean verbose;

    @Option(names = "--quiet", scope = ScopeType.INHERIT,
            description = "No progress display for long runs (otherwise a line on stderr redrawn every second on a"
                    + " terminal, or logged every minute; govcloud.progress).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** The application whose context the commands start, given by its main class: cli imports nothing above it. */
    private final Class<?> application;

    public GovcloudCli(Class<?> application) {
        this.application = application;
    }

    public static int execute(Class<?> application, String... args) {
        CommandLine commandLine = new CommandLine(new GovcloudCli(application));
        Usage.registerConverters(commandLine);
        commandLine.setParameterExceptionHandler(Usage::report);
        GovcloudCli root = commandLine.getCommand();
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + root.failure(e));
            cmd.getErr().flush();
            return ExitCodes.FAILURE;
        });
        return commandLine.execute(args);
    }

    /** What went wrong, in one line (see {@link FailureMessage}), without reporting the trace anywhere. */
    static String rootMessage(Throwable e) {
        return FailureMessage.of(e);
    }

    /**
     * The one line for a failure a command reports. The full trace goes to the log file and, with --verbose, to
     * stderr, before the caller prints the line, so that the line stays the last thing on the screen.
     */
    String failure(Throwable e) {
        String line = FailureMessage.of(e);
        String trace = FailureMessage.trace(e);
        FAILURE_TRACE.error("{}\n{}", line, trace);
        if (verbose) {
            PrintWriter err = spec.commandLine().getErr();
            err.print(trace);
            err.flush();
        }
        return line;
    }

    /** Starts the application context with the global options applied, runs {@code work}, closes the context. */
    public <T> T withContext(Function<ConfigurableApplicationContext, T> work, String... extraProperties) {
        try (ConfigurableApplicationContext context = start(application, false, extraProperties)) {
            return work.apply(context);
        }
    }

    /**
     * Runs {@code work} in the smaller context of the commands that only read the store ({@link
     * StoreReaderApplication}), as the store's reader. A store that needs migrating (or is new) is first brought up
     * to date by starting the whole application once; an in-memory store, which would not outlive that start, is
     * read by the whole application.
     */
    public <T> T withStoreReader(Function<ConfigurableApplicationContext, T> work) {
        boolean inMemory;
        try (ConfigurableApplicationContext context = storeReaderContext()) {
            SchemaState schema = context.getBean(SchemaState.class);
            String staleness = schema.staleness();
            if (staleness == null) {
                return work.apply(context);
            }
            LoggerFactory.getLogger(GovcloudCli.class).debug("Migrating the store first: {}", staleness);
            inMemory = schema.inMemory();
        }
        if (inMemory) {
            return withContext(work);
        }
        withContext(context -> null);
        try (ConfigurableApplicationContext context = storeReaderContext()) {
            return work.apply(context);
        }
    }

    /** The started context of the commands that only read the store; nothing connects before it is asked to. */
    ConfigurableApplicationContext storeReaderContext() {
        return start(StoreReaderApplication.class, true);
    }

    /**
     * Starts a context of {@code configuration} with the global options as the highest-priority properties.
     *
     * @param lazy beans are made when first asked for, so that a command makes only what it uses
     */
    private ConfigurableApplicationContext start(Class<?> configuration, boolean lazy, String... extraProperties) {
        return start(new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE).lazyInitialization(lazy),
                extraProperties);
    }

    /**
     * Starts the application with {@code web} added, as a servlet application: {@code serve} alone; every other
     * command runs without a web server.
     */
    ConfigurableApplicationContext startWeb(Class<?> web, String... extraProperties) {
        return start(new SpringApplicationBuilder(application, web).web(WebApplicationType.SERVLET), extraProperties);
    }

    private ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... extraProperties) {
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
        if (quiet) {
            properties.add("--govcloud.progress.enabled=false");
        }
        properties.addAll(List.of(extraProperties));
        LoggingSystem logging = LoggingSystem.get(GovcloudCli.class.getClassLoader());
        for (String logger : SPRING_FAILURE_LOGGERS) {
            logging.setLogLevel(logger, LogLevel.OFF);
            properties.add("--logging.level." + logger + "=OFF");
        }
        // Until logback-spring.xml is read (it sends the traces to the log file, if there is one), the logging
        // defaults would print them on stdout.
        logging.setLogLevel(FAILURE_TRACE.getName(), LogLevel.OFF);
        return builder
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(properties.toArray(new String[0]));
    }
}
