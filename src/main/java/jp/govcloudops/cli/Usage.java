package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import jp.govcloudops.config.Severity;
import jp.govcloudops.detect.FindingStatus;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.records.WorkCategory;
import jp.govcloudops.report.render.ReportFormat;
import jp.govcloudops.source.LogType;
import jp.govcloudops.web.user.ConsoleRole;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * Usage errors (exit 64): what picocli finds while parsing and what commands check after it (an option conflict,
 * a range the wrong way round) are reported the same way, as one line naming the problem and where the command's
 * help is, so that a scheduler can tell a typo from a failed run (1) or a run with data gaps (2).
 */
final class Usage {

    private Usage() {
    }

    /** A usage error found by a command after parsing; throw it from {@code call()} before any work starts. */
    static ParameterException error(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Refuses a date range whose start is after its end. */
    static void requireOrdered(CommandSpec spec, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw error(spec, "--from " + from + " is after --to " + to);
        }
    }

    /** The parameter exception handler: one line, where to read more, exit 64. */
    static int report(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        err.println("error: " + FailureMessage.redact(message));
        err.println("see '" + command.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Converters for the value types of the options, so that a malformed value is a parse error with a short
     * reason instead of a Java exception's text, or a failure found only after the store was opened.
     */
    static void registerConverters(CommandLine commandLine) {
        commandLine.registerConverter(LocalDate.class, converter(LocalDate::parse, "a date (YYYY-MM-DD)"));
        commandLine.registerConverter(YearMonth.class, converter(YearMonth::parse, "a month (YYYY-MM)"));
        commandLine.registerConverter(LocalTime.class, converter(LocalTime::parse, "a time (HH:MM)"));
        commandLine.registerConverter(Duration.class, converter(Duration::parse,
                "a duration (ISO-8601, such as PT15M or PT1H30M)"));
        commandLine.registerConverter(LogType.class, converter(LogType::fromId, null));
        commandLine.registerConverter(Severity.class, converter(Severity::parse, null));
        commandLine.registerConverter(FindingStatus.class, converter(FindingStatus::parse, null));
        commandLine.registerConverter(ReportFormat.class, converter(ReportFormat::of, null));
        commandLine.registerConverter(ConsoleRole.class, converter(ConsoleRole::parse, null));
        commandLine.registerConverter(WorkCategory.class, text -> WorkCategory.fromLabel(text).orElseThrow(() ->
                new TypeConversionException("'" + text + "' is not one of " + String.join("、",
                        WorkCategory.labels()))));
    }

    /**
     * @param expected what a valid value looks like, or null when the parser's own message already says it
     */
    private static <T> CommandLine.ITypeConverter<T> converter(Function<String, T> parse, String expected) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + text + "' is not " + expected);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(expected == null ? e.getMessage()
                        : "'" + text + "' is not " + expected);
            }
        };
    }
}
