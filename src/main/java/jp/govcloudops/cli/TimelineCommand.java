package jp.govcloudops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.Callable;

import jp.govcloudops.archive.read.ArchiveSearch;
import jp.govcloudops.archive.timeline.IncidentTimeline;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.detect.FindingStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code timeline}: what a principal or an address did around a finding, in time order (時系列). */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"An incident timeline (時系列) from the archive: the finding's principal's CloudTrail records and",
                "its address's records and flows around it, in time order, as CSV. Exit 2 on data gaps."})
public class TimelineCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--finding", paramLabel = "ID", description = "The finding: its principal, source address and time.")
    Long finding;

    @Option(names = "--before", paramLabel = "DURATION", defaultValue = "PT2H", description = "Before the finding's first event (default ${DEFAULT-VALUE}).")
    Duration before;

    @Option(names = "--after", paramLabel = "DURATION", defaultValue = "PT2H", description = "After its last event (default ${DEFAULT-VALUE}).")
    Duration after;

    @Option(names = "--principal", paramLabel = "ARN", description = "Without --finding: the principal.")
    String principal;

    @Option(names = "--source-ip", paramLabel = "IP", description = "Without --finding: the address.")
    String sourceIp;

    @Option(names = "--since", paramLabel = "INSTANT", description = "Without --finding: start of the window.")
    String since;

    @Option(names = "--until", paramLabel = "INSTANT", description = "Without --finding: end of the window.")
    String until;

    @Option(names = "--from", paramLabel = "D", description = "Without --finding: first day.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "D", description = "Without --finding: last day.")
    LocalDate to;

    @Override
    public Integer call() {
        if (finding == null && principal == null && sourceIp == null) {
            throw Usage.error(spec, "give --finding, or --principal and/or --source-ip with a window");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return root.withContext(context -> {
            ZoneId zone = context.getBean(GovcloudProperties.class).zone();
            IncidentTimeline.Subject subject;
            if (finding != null) {
                FindingStore.Stored f = context.getBean(FindingStore.class).get(finding)
                        .orElseThrow(() -> Usage.error(spec, "no finding " + finding));
                subject = new IncidentTimeline.Subject(f.principal(), f.sourceIp(),
                        f.firstEventAt().toInstant(ZoneOffset.UTC).minus(before),
                        f.lastEventAt().toInstant(ZoneOffset.UTC).plus(after),
                        f.accountId() == null ? Set.of() : Set.of(f.accountId()));
                err.println("Finding " + finding + ": " + f.titleJa());
            } else {
                Instant[] window = Windows.of(spec, zone, from, to, since, until);
                subject = new IncidentTimeline.Subject(principal, sourceIp, window[0], window[1], Set.of());
            }
            IncidentTimeline.Timeline timeline = context.getBean(IncidentTimeline.class).build(subject);
            try {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("time", "log", "account",
                        "actor", "what", "from", "to", "detail").get());
                for (IncidentTimeline.Entry e : timeline.entries()) {
                    csv.printRecord(e.time().atZone(zone).toOffsetDateTime(), e.log(), e.account(), e.actor(),
                            e.what(), e.from(), e.to(), e.detail());
                }
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Windows.reportMissing(err, timeline.reads().toArray(ArchiveSearch.Result[]::new));
        });
    }
}
