package jp.govcloudops.archive.connectivity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jp.govcloudops.archive.read.ArchiveSearch;
import jp.govcloudops.archive.read.Rows;
import jp.govcloudops.archive.read.SearchFilters;
import jp.govcloudops.archive.read.SearchQuery;
import jp.govcloudops.source.LogType;
import org.apache.parquet.example.data.Group;
import org.springframework.stereotype.Component;

/**
 * Connectivity evidence (疎通確認): the flows from one network to another and back in a window, per direction,
 * interface and service port, with ACCEPTed and REJECTed flows, first and last seen, packets and bytes, and a
 * verdict. The outbound direction's port is the destination port; the return direction's is the source port, the
 * service's port on the replies. "No record" comes with the partitions read and their gaps, so an absent flow is
 * never confused with an absent log.
 */
@Component
public class ConnectivityCheck {

    public static final String OUTBOUND = "往路";
    public static final String RETURN = "復路";
    public static final String SEEN = "通信あり";
    public static final String REJECTED = "拒否あり";
    public static final String NONE = "記録なし";

    private static final List<String> COLUMNS = List.of("account_id", "interface_id", "srcport", "dstport",
            "protocol", "action", "packets", "bytes", "start", "end");

    private final ArchiveSearch search;

    public ConnectivityCheck(ArchiveSearch search) {
        this.search = search;
    }

    /** What to check; {@code port} and {@code protocol} may be null (any). */
    public record Request(String source, String destination, Integer port, String protocol, Instant since,
            Instant until, Set<String> accounts) {
    }

    /** One direction, interface and port. */
    public record Line(String direction, String account, String interfaceId, Integer port, Integer protocol,
            long acceptedFlows, long rejectedFlows, Instant firstSeen, Instant lastSeen, long packets, long bytes) {

        public String verdict() {
            return acceptedFlows > 0 ? SEEN : REJECTED;
        }
    }

    /** A direction's lines, verdict and what the search read. */
    public record Direction(String name, List<Line> lines, ArchiveSearch.Result read) {

        public String verdict() {
            if (lines.stream().anyMatch(l -> l.acceptedFlows() > 0)) {
                return SEEN;
            }
            if (!lines.isEmpty()) {
                return REJECTED;
            }
            return read.complete() ? NONE : NONE + "（ログ欠損あり）";
        }
    }

    public record Evidence(Request request, Direction outbound, Direction back) {

        public boolean complete() {
            return outbound.read().complete() && back.read().complete();
        }
    }

    public Evidence check(Request request) {
        return new Evidence(request, direction(OUTBOUND, request, request.source(), request.destination(), true),
                direction(RETURN, request, request.destination(), request.source(), false));
    }

    private Direction direction(String name, Request request, String from, String to, boolean outbound) {
        SearchFilters filters = new SearchFilters(LogType.VPCFLOW).source(from).destination(to)
                .protocol(request.protocol());
        if (request.port() != null) {
            filters = outbound ? filters.destinationPort(request.port()) : filters.sourcePort(request.port());
        }
        Map<String, Line> lines = new TreeMap<>();
        SearchQuery query = new SearchQuery(LogType.VPCFLOW, request.since(), request.until(), request.accounts(),
                Set.of(), filters.conditions(), COLUMNS, Long.MAX_VALUE);
        ArchiveSearch.Result result = search.search(query, row -> add(lines, name, row, outbound));
        return new Direction(name, new ArrayList<>(lines.values()), result);
    }

    private static void add(Map<String, Line> lines, String direction, Group row, boolean outbound) {
        String account = Rows.text(row, "account_id");
        String interfaceId = Rows.text(row, "interface_id");
        Integer port = (Integer) Rows.value(row, outbound ? "dstport" : "srcport");
        Integer protocol = (Integer) Rows.value(row, "protocol");
        boolean accepted = "ACCEPT".equals(Rows.text(row, "action"));
        Long packets = (Long) Rows.value(row, "packets");
        Long bytes = (Long) Rows.value(row, "bytes");
        Long start = (Long) Rows.value(row, "start");
        Long end = (Long) Rows.value(row, "end");
        Instant first = start == null ? null : Instant.ofEpochSecond(start);
        Instant last = end == null ? first : Instant.ofEpochSecond(end);
        String key = account + "|" + interfaceId + "|" + (port == null ? "" : String.format("%05d", port)) + "|"
                + protocol;
        Line added = new Line(direction, account, interfaceId, port, protocol, accepted ? 1 : 0, accepted ? 0 : 1,
                first, last, packets == null ? 0 : packets, bytes == null ? 0 : bytes);
        lines.merge(key, added, (a, b) -> new Line(direction, account, interfaceId, port, protocol,
                a.acceptedFlows() + b.acceptedFlows(), a.rejectedFlows() + b.rejectedFlows(),
                earlier(a.firstSeen(), b.firstSeen()), later(a.lastSeen(), b.lastSeen()), a.packets() + b.packets(),
                a.bytes() + b.bytes()));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
