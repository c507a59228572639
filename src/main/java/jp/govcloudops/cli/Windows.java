package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

import jp.govcloudops.archive.read.ArchiveSearch;
import jp.govcloudops.pipeline.ExitCodes;
import picocli.CommandLine.Model.CommandSpec;

/** The time window of an investigation command and how its gaps are reported. */
final class Windows {

    private Windows() {
    }

    /**
     * {@code [since, until)}: from {@code --since}/{@code --until} (ISO-8601 with an offset, or a UTC instant), else
     * the days {@code --from..--to} in the store's zone.
     */
    static Instant[] of(CommandSpec spec, ZoneId zone, LocalDate from, LocalDate to, String since, String until) {
        Instant start;
        Instant end;
        if (since != null || until != null) {
            if (since == null || until == null || from != null || to != null) {
                throw Usage.error(spec, "give --since and --until together, or --from [--to], not both");
            }
            start = instant(spec, "--since", since);
            end = instant(spec, "--until", until);
        } else {
            if (from == null) {
                throw Usage.error(spec, "give --from [--to] (days) or --since and --until (instants)");
            }
            LocalDate last = to == null ? from : to;
            Usage.requireOrdered(spec, from, last);
            start = from.atStartOfDay(zone).toInstant();
            end = last.plusDays(1).atStartOfDay(zone).toInstant();
        }
        if (!start.isBefore(end)) {
            throw Usage.error(spec, "the window is empty: --since must be before --until");
        }
        return new Instant[] {start, end};
    }

    private static Instant instant(CommandSpec spec, String option, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw Usage.error(spec, option + " '" + text + "' is not an ISO-8601 date-time with an offset"
                        + " (2026-10-01T10:00:00+09:00)");
            }
        }
    }

    /** Lists what the answer lacks on stderr; exit 2 when it lacks anything. */
    static int reportMissing(PrintWriter err, ArchiveSearch.Result... results) {
        Set<String> missing = new LinkedHashSet<>();
        for (ArchiveSearch.Result result : results) {
            if (result.archive().isEmpty()) {
                missing.add("this store has not written an archive yet (govcloud.archive.enabled)");
            }
            missing.addAll(result.missing());
        }
        if (missing.isEmpty()) {
            err.flush();
            return ExitCodes.OK;
        }
        err.println("Data gaps in the window (データ欠損): the answer may be incomplete:");
        missing.forEach(m -> err.println("  " + m));
        err.flush();
        return ExitCodes.COMPLETED_WITH_GAPS;
    }
}
