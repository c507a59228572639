package jp.govcloudops.format.flowlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.StringCache;
import jp.govcloudops.format.UnreadableInputException;

/**
 * Reads space-separated flow-log text by its header line, in whatever field order the flow log's creator chose.
 * A file whose first line is not a header is read in the default version-2 order. A line with the wrong number of
 * fields or a non-numeric number goes to the quarantine; the file goes on.
 *
 * <p>Works on bytes: lines are found and numbers and IPv4 addresses parsed in place, and repeating strings come
 * from a cache, so a record costs no allocation.
 */
public final class FlowLogTextReader {

    private static final int INITIAL_BUFFER = 256 * 1024;
    private static final int MAX_LINE = 4 * 1024 * 1024;

    private final StringCache strings = new StringCache(1 << 14);
    private final FlowRecord record = new FlowRecord();

    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int position;
    private int limit;
    private boolean endOfInput;
    private InputStream in;

    private FlowField[] columns;
    private boolean headerLine;
    private int[] starts = new int[64];
    private int[] ends = new int[64];

    /** Reads every line; returns the number of records (data lines) in the file. */
    public long read(InputStream decompressed, long fallbackStart, Consumer<FlowRecord> records, Quarantine quarantine) {
        this.in = decompressed;
        position = limit = 0;
        endOfInput = false;
        columns = null;
        long lineNumber = 0;
        long recordCount = 0;
        try {
            int lineStart;
            while ((lineStart = nextLine()) >= 0) {
                lineNumber++;
                int lineEnd = position - 1; // position is past the newline (or at the end of input)
                if (lineEnd >= lineStart && buffer[lineEnd] != '\n') {
                    lineEnd++;
                }
                if (lineEnd > lineStart && buffer[lineEnd - 1] == '\r') {
                    lineEnd--;
                }
                int fieldCount = split(lineStart, lineEnd);
                if (fieldCount == 0) {
                    continue;
                }
                if (columns == null) {
                    columns = header(fieldCount);
                    headerLine = columns != null;
                    if (headerLine) {
                        continue;
                    }
                    if (number(starts[0], ends[0]) == Long.MIN_VALUE) {
                        throw new UnreadableInputException("line " + lineNumber, "not a flow-log text file: the first"
                                + " line is neither a header nor a version-2 record: '" + excerpt(lineStart, lineEnd)
                                + "'", null);
                    }
                    columns = FlowField.DEFAULT_V2.toArray(new FlowField[0]);
                }
                recordCount++;
                if (fieldCount != columns.length) {
                    quarantine.reject("line " + lineNumber, fieldCount + " fields where the "
                            + (headerLine ? "header" : "default version 2 format") + " names " + columns.length,
                            excerpt(lineStart, lineEnd));
                    continue;
                }
                String problem = fill(fieldCount);
                if (problem != null) {
                    quarantine.reject("line " + lineNumber, problem, excerpt(lineStart, lineEnd));
                    continue;
                }
                record.position = lineNumber;
                if (record.start == FlowRecord.ABSENT) {
                    record.start = fallbackStart;
                }
                records.accept(record);
            }
        } catch (IOException e) {
            throw new UnreadableInputException("line " + (lineNumber + 1),
                    "input ends or breaks off after " + recordCount + " records: " + e.getMessage(), e);
        }
        return recordCount;
    }

    /** Finds the next line; returns its start, or -1 at the end. Advances {@link #position} past it. */
    private int nextLine() throws IOException {
        int scanFrom = position;
        while (true) {
            for (int i = scanFrom; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int start = position;
                    position = i + 1;
                    return start;
                }
            }
            if (endOfInput) {
                if (position < limit) {
                    int start = position;
                    position = limit;
                    return start;
                }
                return -1;
            }
            int scanned = limit - position;
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            if (limit == buffer.length) {
                if (buffer.length >= MAX_LINE) {
                    throw new IOException("a line longer than " + MAX_LINE + " bytes: not a flow-log text file");
                }
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                endOfInput = true;
            } else {
                limit += n;
            }
            scanFrom = position + scanned;
        }
    }

    private int split(int from, int to) {
        int count = 0;
        int i = from;
        while (i < to) {
            while (i < to && (buffer[i] == ' ' || buffer[i] == '\t')) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int start = i;
            while (i < to && buffer[i] != ' ' && buffer[i] != '\t') {
                i++;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = i;
            count++;
        }
        return count;
    }

    /** The columns named by a header line, or null when the first line is data. */
    private FlowField[] header(int fieldCount) {
        List<FlowField> named = new ArrayList<>(fieldCount);
        boolean anyKnown = false;
        for (int f = 0; f < fieldCount; f++) {
            String name = new String(buffer, starts[f], ends[f] - starts[f], StandardCharsets.ISO_8859_1);
            if (!name.matches("[a-z][a-z0-9_-]*")) {
                return null;
            }
            FlowField field = FlowField.byName(name);
            anyKnown |= field != null;
            named.add(field);
        }
        return anyKnown ? named.toArray(new FlowField[0]) : null;
    }

    private String fill(int fieldCount) {
        record.clear();
        int srcColumn = -1;
        int dstColumn = -1;
        int pktSrcColumn = -1;
        int pktDstColumn = -1;
        for (int f = 0; f < fieldCount; f++) {
            FlowField field = columns[f];
            if (field == null) {
                continue;
            }
            int s = starts[f];
            int e = ends[f];
            boolean absent = e - s == 1 && buffer[s] == '-';
            switch (field) {
                case ACCOUNT_ID -> record.accountId = absent ? null : strings.get(buffer, s, e);
                case INTERFACE_ID -> record.interfaceId = absent ? null : strings.get(buffer, s, e);
                case ACTION -> record.action = absent ? null : strings.get(buffer, s, e);
                case LOG_STATUS -> record.logStatus = absent ? null : strings.get(buffer, s, e);
                case FLOW_DIRECTION -> record.flowDirection = absent ? null : strings.get(buffer, s, e);
                case VPC_ID -> record.vpcId = absent ? null : strings.get(buffer, s, e);
                case SRCADDR -> srcColumn = absent ? srcColumn : f;
                case DSTADDR -> dstColumn = absent ? dstColumn : f;
                // The packet-level addresses name the real endpoints behind NAT gateways and middleboxes.
                case PKT_SRCADDR -> pktSrcColumn = absent ? -1 : f;
                case PKT_DSTADDR -> pktDstColumn = absent ? -1 : f;
                case SRCPORT, DSTPORT, PROTOCOL, PACKETS, BYTES, START, END, TCP_FLAGS -> {
                    long value = absent ? FlowRecord.ABSENT : number(s, e);
                    if (value == Long.MIN_VALUE) {
                        return "field " + field.headerName() + " is not a number: '"
                                + new String(buffer, s, Math.min(e - s, 64), StandardCharsets.ISO_8859_1) + "'";
                    }
                    switch (field) {
                        case SRCPORT -> record.srcPort = value;
                        case DSTPORT -> record.dstPort = value;
                        case PROTOCOL -> record.protocol = value;
                        case PACKETS -> record.packets = value;
                        case BYTES -> record.bytes = value;
                        case START -> record.start = value;
                        case END -> record.end = value;
                        default -> record.tcpFlags = value;
                    }
                }
                default -> {
                    // known but not used by the aggregates
                }
            }
        }
        int source = pktSrcColumn >= 0 ? pktSrcColumn : srcColumn;
        if (source >= 0) {
            setSource(starts[source], ends[source]);
        }
        int destination = pktDstColumn >= 0 ? pktDstColumn : dstColumn;
        if (destination >= 0) {
            setDestination(starts[destination], ends[destination]);
        }
        return null;
    }

    private void setSource(int s, int e) {
        long parsed = IpV4.parse(buffer, s, e);
        record.srcIsV4 = IpV4.isValid(parsed);
        record.srcAddrV4 = (int) parsed;
        record.srcAddrText = record.srcIsV4 ? null : new String(buffer, s, e - s, StandardCharsets.ISO_8859_1);
    }

    private void setDestination(int s, int e) {
        long parsed = IpV4.parse(buffer, s, e);
        record.dstIsV4 = IpV4.isValid(parsed);
        record.dstAddrV4 = (int) parsed;
        record.dstAddrText = record.dstIsV4 ? null : new String(buffer, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /** Non-negative decimal, or Long.MIN_VALUE when not a number. */
    private long number(int s, int e) {
        if (e - s > 18 || e == s) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int i = s; i < e; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                return Long.MIN_VALUE;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private String excerpt(int from, int to) {
        return new String(buffer, from, Math.min(to - from, 300), StandardCharsets.UTF_8);
    }
}
