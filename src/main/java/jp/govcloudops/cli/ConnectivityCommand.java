package jp.govcloudops.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.Callable;

import jp.govcloudops.archive.connectivity.ConnectivityCheck;
import jp.govcloudops.archive.connectivity.ConnectivitySheet;
import jp.govcloudops.archive.read.SearchFilters;
import jp.govcloudops.config.FileModes;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.format.Cidr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code connectivity}: connectivity evidence from the archived flow logs (疎通確認結果). */
@Command(name = "connectivity", mixinStandardHelpOptions = true,
        description = {"Connectivity evidence (疎通確認): flows from --src to --dst and back in a window, per direction,",
                "interface and port, with a verdict (通信あり・拒否あり・記録なし), as a Japanese PDF sheet and CSV.",
                "Exit 2 when part of the window has data gaps (listed on stderr and on the sheet)."})
public class ConnectivityCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--src", required = true, paramLabel = "CIDR", description = "The testing side's address or network.")
    String src;

    @Option(names = "--dst", required = true, paramLabel = "CIDR", description = "The tested side's address or network.")
    String dst;

    @Option(names = "--port", paramLabel = "P", description = "The service port (destination port outbound).")
    Integer port;

    @Option(names = "--protocol", paramLabel = "P", description = "tcp, udp, icmp or a protocol number.")
    String protocol;

    @Option(names = "--since", paramLabel = "INSTANT", description = "Start of the window, ISO-8601.")
    String since;

    @Option(names = "--until", paramLabel = "INSTANT", description = "End of the window (exclusive), ISO-8601.")
    String until;

    @Option(names = "--from", paramLabel = "D", description = "First day instead of --since (the store's zone).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "D", description = "Last day (default: --from).")
    LocalDate to;

    @Option(names = "--account", paramLabel = "ID", split = ",", description = "Accounts whose flow logs to read.")
    Set<String> accounts = Set.of();

    @Option(names = "--pdf", paramLabel = "FILE", description = "Write the sheet (疎通確認結果) as PDF.")
    Path pdf;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the CSV to a file (default: standard output).")
    Path csv;

    @Override
    public Integer call() {
        try {
            Cidr.parse(src);
            Cidr.parse(dst);
            if (protocol != null) {
                SearchFilters.protocolNumber(protocol);
            }
        } catch (IllegalArgumentException e) {
            throw Usage.error(spec, e.getMessage());
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw Usage.error(spec, "--port must be 0..65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return root.withContext(context -> {
            ZoneId zone = context.getBean(GovcloudProperties.class).zone();
            Instant[] window = Windows.of(spec, zone, from, to, since, until);
            ConnectivityCheck.Evidence evidence = context.getBean(ConnectivityCheck.class).check(
                    new ConnectivityCheck.Request(src, dst, port, protocol, window[0], window[1], accounts));
            ConnectivitySheet sheet = new ConnectivitySheet(evidence, zone);
            FileModes modes = context.getBean(FileModes.class);
            try {
                if (pdf != null) {
                    try (OutputStream file = modes.newOutputStream(pdf)) {
                        sheet.writePdf(file);
                    }
                }
                if (csv != null) {
                    try (Writer file = new java.io.OutputStreamWriter(modes.newOutputStream(csv),
                            StandardCharsets.UTF_8)) {
                        sheet.writeCsv(file);
                    }
                } else {
                    sheet.writeCsv(out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            err.println("往路: " + evidence.outbound().verdict() + " / 復路: " + evidence.back().verdict()
                    + (pdf == null ? "" : "; sheet " + pdf));
            out.flush();
            return Windows.reportMissing(err, evidence.outbound().read(), evidence.back().read());
        });
    }
}
