package jp.govcloudops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import jp.govcloudops.archive.ArchiveSchema;
import jp.govcloudops.archive.read.ArchiveSearch;
import jp.govcloudops.archive.read.Rows;
import jp.govcloudops.archive.read.SearchFilters;
import jp.govcloudops.archive.read.SearchQuery;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.source.LogType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;

/** {@code search}: archived records matching filters in a time window (ログ検索). */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Archived records of one log type in a time window matching every filter given (ログ検索),",
                "as a table, CSV or JSON Lines. Exit 2 when part of the window has data gaps or records the archive",
                "does not hold (listed on stderr)."})
public class SearchCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--log-type", required = true, paramLabel = "TYPE", description = "cloudtrail or vpcflow.")
    String logType;

    @Option(names = "--from", paramLabel = "D", description = "First day (the store's zone, Asia/Tokyo by default).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "D", description = "Last day (default: --from).")
    LocalDate to;

    @Option(names = "--since", paramLabel = "INSTANT", description = "Start of the window, ISO-8601 (2026-10-01T10:00:00+09:00).")
    String since;

    @Option(names = "--until", paramLabel = "INSTANT", description = "End of the window (exclusive), ISO-8601.")
    String until;

    @Option(names = "--account", paramLabel = "ID", split = ",", description = "Accounts (comma-separated).")
    Set<String> accounts = Set.of();

    @Option(names = "--region", paramLabel = "R", split = ",", description = "Regions (comma-separated).")
    Set<String> regions = Set.of();

    @Option(names = "--principal", paramLabel = "ARN", description = "CloudTrail: the principal, caller ARN, session's role or user name.")
    String principal;

    @Option(names = "--access-key", paramLabel = "ID", description = "CloudTrail: the access key id.")
    String accessKey;

    @Option(names = "--source-ip", paramLabel = "IP|CIDR", description = "CloudTrail: the source address or network.")
    String sourceIp;

    @Option(names = "--event-name", paramLabel = "NAME", description = "CloudTrail: the event name.")
    String eventName;

    @Option(names = "--event-source", paramLabel = "SOURCE", description = "CloudTrail: the event source (iam.amazonaws.com).")
    String eventSource;

    @Option(names = "--error-code", paramLabel = "CODE", description = "CloudTrail: the error code.")
    String errorCode;

    @Option(names = "--resource", paramLabel = "TEXT", description = "CloudTrail: text in the resources or request parameters (an ARN or name).")
    String resource;

    @Option(names = "--src", paramLabel = "IP|CIDR", description = "Flows: the source address or network (interface or packet address).")
    String src;

    @Option(names = "--dst", paramLabel = "IP|CIDR", description = "Flows: the destination address or network.")
    String dst;

    @Option(names = "--port", paramLabel = "P", description = "Flows: source or destination port.")
    Integer port;

    @Option(names = "--protocol", paramLabel = "P", description = "Flows: tcp, udp, icmp or a protocol number.")
    String protocol;

    @Option(names = "--action", paramLabel = "A", description = "Flows: ACCEPT or REJECT.")
    String action;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "Most records shown (default ${DEFAULT-VALUE}); the count is exact.")
    long limit;

    @Option(names = "--count", description = "Only count the matching records.")
    boolean count;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv (RFC 4180, a header row) or jsonl (default ${DEFAULT-VALUE}).")
    Format format;

    enum Format { table, csv, jsonl }

    private static final List<String> CLOUDTRAIL_TABLE = List.of("event_time", "recipient_account_id", "aws_region",
            "event_source", "event_name", "principal", "source_ip_address", "error_code");
    private static final List<String> FLOW_TABLE = List.of("start", "account_id", "interface_id", "srcaddr",
            "srcport", "dstaddr", "dstport", "protocol", "action", "packets", "bytes");

    @Override
    public Integer call() {
        LogType type;
        SearchFilters filters;
        try {
            type = logType(logType);
            filters = new SearchFilters(type);
            filters.principal(principal).accessKey(accessKey).sourceIp(sourceIp).eventName(eventName)
                    .eventSource(eventSource).errorCode(errorCode).resource(resource).source(src).destination(dst)
                    .port(port).protocol(protocol).action(action);
        } catch (IllegalArgumentException e) {
            throw Usage.error(spec, e.getMessage());
        }
        if (limit < 0) {
            throw Usage.error(spec, "--limit must be 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return root.withContext(context -> {
            ZoneId zone = context.getBean(GovcloudProperties.class).zone();
            Instant[] window = Windows.of(spec, zone, from, to, since, until);
            List<String> columns = count ? List.of() : format == Format.table
                    ? (type == LogType.CLOUDTRAIL ? CLOUDTRAIL_TABLE : FLOW_TABLE) : allColumns(type);
            SearchQuery query = new SearchQuery(type, window[0], window[1], accounts, regions, filters.conditions(),
                    columns, count ? 0 : limit);
            List<Map<String, Object>> rows = new ArrayList<>();
            ArchiveSearch.Result result = context.getBean(ArchiveSearch.class).search(query,
                    row -> rows.add(values(row, columns, zone)));
            if (count) {
                out.println(result.matched());
            } else {
                print(out, columns, rows);
                if (format == Format.table) {
                    out.printf("%d records%s%n", result.matched(), result.returned() < result.matched()
                            ? " (" + result.returned() + " shown; --limit)" : "");
                }
            }
            out.flush();
            return Windows.reportMissing(err, result);
        });
    }

    static LogType logType(String value) {
        return switch (value) {
            case "cloudtrail" -> LogType.CLOUDTRAIL;
            case "vpcflow" -> LogType.VPCFLOW;
            default -> throw new IllegalArgumentException("--log-type must be cloudtrail or vpcflow");
        };
    }

    static List<String> allColumns(LogType type) {
        return (type == LogType.CLOUDTRAIL ? ArchiveSchema.CLOUDTRAIL : ArchiveSchema.VPCFLOW).getFields().stream()
                .map(Type::getName).filter(n -> !n.equals(ArchiveSchema.SEGMENT)).toList();
    }

    /** A row's values for output: times in the store's zone as ISO-8601. */
    static Map<String, Object> values(Group row, List<String> columns, ZoneId zone) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : columns) {
            Object value = Rows.value(row, column);
            if (value instanceof Long l && column.equals("event_time")) {
                value = Instant.ofEpochMilli(l).atZone(zone).toOffsetDateTime().toString();
            } else if (value instanceof Long l && (column.equals("start") || column.equals("end"))) {
                value = Instant.ofEpochSecond(l).atZone(zone).toOffsetDateTime().toString();
            }
            values.put(column, value);
        }
        return values;
    }

    private void print(PrintWriter out, List<String> columns, List<Map<String, Object>> rows) {
        switch (format) {
            case table -> {
                List<String[]> cells = new ArrayList<>();
                for (Map<String, Object> r : rows) {
                    cells.add(r.values().stream().map(v -> v == null ? "-" : v.toString()).toArray(String[]::new));
                }
                int[] widths = columns.stream().mapToInt(c -> switch (c) {
                    case "event_time", "start" -> 25;
                    case "principal" -> 40;
                    case "srcaddr", "dstaddr", "source_ip_address", "event_name", "event_source" -> 22;
                    case "srcport", "dstport", "protocol", "action" -> 7;
                    default -> 14;
                }).toArray();
                Table.print(out, columns.toArray(String[]::new), cells, widths);
            }
            case csv -> {
                try {
                    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                            .setHeader(columns.toArray(String[]::new)).get());
                    for (Map<String, Object> r : rows) {
                        csv.printRecord(r.values());
                    }
                    csv.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case jsonl -> {
                ObjectMapper json = new ObjectMapper();
                for (Map<String, Object> r : rows) {
                    out.println(json.writeValueAsString(r));
                }
            }
        }
    }
}
