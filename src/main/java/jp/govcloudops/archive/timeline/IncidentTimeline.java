package jp.govcloudops.archive.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jp.govcloudops.archive.read.ArchiveSearch;
import jp.govcloudops.archive.read.Rows;
import jp.govcloudops.archive.read.SearchFilters;
import jp.govcloudops.archive.read.SearchQuery;
import jp.govcloudops.source.LogType;
import org.apache.parquet.example.data.Group;
import org.springframework.stereotype.Component;

/**
 * An incident's timeline (時系列): everything a principal did and every flow of an address in a window, from the
 * archive, in time order, with what the window lacks.
 */
@Component
public class IncidentTimeline {

    private static final List<String> CLOUDTRAIL = List.of("event_time", "recipient_account_id", "aws_region",
            "principal", "identity_access_key_id", "source_ip_address", "event_source", "event_name", "error_code",
            "event_id");
    private static final List<String> FLOWS = List.of("start", "account_id", "interface_id", "srcaddr", "srcport",
            "dstaddr", "dstport", "protocol", "action", "packets", "bytes");

    private final ArchiveSearch search;

    public IncidentTimeline(ArchiveSearch search) {
        this.search = search;
    }

    /** Whose activity: a principal (CloudTrail) and/or an address (CloudTrail source and flows either way). */
    public record Subject(String principal, String address, Instant since, Instant until, Set<String> accounts) {
    }

    /** One line: when, which log, who or which interface, what, from and to, and the rest. */
    public record Entry(Instant time, String log, String account, String actor, String what, String from, String to,
            String detail) {
    }

    public record Timeline(List<Entry> entries, List<ArchiveSearch.Result> reads) {
    }

    public Timeline build(Subject subject) {
        List<Entry> entries = new ArrayList<>();
        List<ArchiveSearch.Result> reads = new ArrayList<>();
        if (subject.principal() != null) {
            reads.add(cloudTrail(subject, new SearchFilters(LogType.CLOUDTRAIL).principal(subject.principal()),
                    entries));
        }
        if (subject.address() != null) {
            reads.add(cloudTrail(subject, new SearchFilters(LogType.CLOUDTRAIL).sourceIp(subject.address()), entries));
            reads.add(flows(subject, new SearchFilters(LogType.VPCFLOW).source(subject.address()), entries));
            reads.add(flows(subject, new SearchFilters(LogType.VPCFLOW).destination(subject.address()), entries));
        }
        List<Entry> unique = new ArrayList<>(entries.stream().distinct().toList());
        unique.sort(Comparator.comparing(Entry::time).thenComparing(Entry::log).thenComparing(Entry::what));
        return new Timeline(unique, reads);
    }

    private ArchiveSearch.Result cloudTrail(Subject s, SearchFilters filters, List<Entry> entries) {
        return search.search(new SearchQuery(LogType.CLOUDTRAIL, s.since(), s.until(), s.accounts(), Set.of(),
                filters.conditions(), CLOUDTRAIL, Long.MAX_VALUE), row -> entries.add(new Entry(
                        Instant.ofEpochMilli((Long) Rows.value(row, "event_time")), "cloudtrail",
                        Rows.text(row, "recipient_account_id"), actor(row),
                        Rows.text(row, "event_source") + " " + Rows.text(row, "event_name"),
                        Rows.text(row, "source_ip_address"), Rows.text(row, "aws_region"),
                        detail(row))));
    }

    private static String actor(Group row) {
        String key = Rows.text(row, "identity_access_key_id");
        return Rows.text(row, "principal") + (key == null ? "" : " (" + key + ")");
    }

    private static String detail(Group row) {
        String error = Rows.text(row, "error_code");
        return (error == null ? "" : error + " ") + "eventID " + Rows.text(row, "event_id");
    }

    private ArchiveSearch.Result flows(Subject s, SearchFilters filters, List<Entry> entries) {
        return search.search(new SearchQuery(LogType.VPCFLOW, s.since(), s.until(), s.accounts(), Set.of(),
                filters.conditions(), FLOWS, Long.MAX_VALUE), row -> entries.add(new Entry(
                        Instant.ofEpochSecond((Long) Rows.value(row, "start")), "vpcflow", Rows.text(row, "account_id"),
                        Rows.text(row, "interface_id"), Rows.text(row, "action") + " protocol "
                                + Rows.value(row, "protocol"),
                        Rows.text(row, "srcaddr") + ":" + Rows.value(row, "srcport"),
                        Rows.text(row, "dstaddr") + ":" + Rows.value(row, "dstport"),
                        Rows.value(row, "packets") + " packets " + Rows.value(row, "bytes") + " bytes")));
    }
}
