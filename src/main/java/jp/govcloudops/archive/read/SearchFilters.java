package jp.govcloudops.archive.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.govcloudops.format.Cidr;
import jp.govcloudops.source.LogType;

/**
 * Builds a search's conditions from the operator's terms, per log type: which archive columns a principal, a source
 * address or a port may be in.
 */
public final class SearchFilters {

    private final LogType logType;
    private final List<Condition> conditions = new ArrayList<>();

    public SearchFilters(LogType logType) {
        this.logType = logType;
    }

    public List<Condition> conditions() {
        return List.copyOf(conditions);
    }

    private SearchFilters text(String value, String... columns) {
        if (value != null) {
            conditions.add(new Condition.TextEquals(List.of(columns), value));
        }
        return this;
    }

    private SearchFilters address(String value, String... columns) {
        if (value != null) {
            conditions.add(value.contains("/") ? new Condition.InNetwork(List.of(columns), Cidr.parse(value))
                    : new Condition.TextEquals(List.of(columns), value));
        }
        return this;
    }

    /** The grouping principal, the caller's ARN, the role behind a session, or the user name. */
    public SearchFilters principal(String value) {
        return text(value, "principal", "identity_arn", "session_issuer_arn", "identity_user_name");
    }

    public SearchFilters accessKey(String value) {
        return text(value, "identity_access_key_id");
    }

    /** CloudTrail's source address, an address or a network. */
    public SearchFilters sourceIp(String value) {
        return address(value, "source_ip_address");
    }

    public SearchFilters eventName(String value) {
        return text(value, "event_name");
    }

    public SearchFilters eventSource(String value) {
        return text(value, "event_source");
    }

    public SearchFilters errorCode(String value) {
        return text(value, "error_code");
    }

    /** A resource named in the record's resources or request parameters (part of an ARN or name). */
    public SearchFilters resource(String value) {
        if (value != null) {
            conditions.add(new Condition.Contains(List.of("resources", "request_parameters"), value));
        }
        return this;
    }

    /** A flow's source: the interface's address or the packet's (behind NAT or a middlebox). */
    public SearchFilters source(String value) {
        return address(value, "srcaddr", "pkt_srcaddr");
    }

    public SearchFilters destination(String value) {
        return address(value, "dstaddr", "pkt_dstaddr");
    }

    /** A flow to or from the port (either side: replies carry the service's port as their source port). */
    public SearchFilters port(Integer value) {
        if (value != null) {
            conditions.add(new Condition.IntEquals(List.of("srcport", "dstport"), value));
        }
        return this;
    }

    /** A flow's destination port only. */
    public SearchFilters destinationPort(Integer value) {
        if (value != null) {
            conditions.add(new Condition.IntEquals(List.of("dstport"), value));
        }
        return this;
    }

    /** A flow's source port only (a service's replies). */
    public SearchFilters sourcePort(Integer value) {
        if (value != null) {
            conditions.add(new Condition.IntEquals(List.of("srcport"), value));
        }
        return this;
    }

    /** tcp, udp, icmp, icmpv6 or an IANA protocol number. */
    public SearchFilters protocol(String value) {
        if (value != null) {
            conditions.add(new Condition.IntEquals(List.of("protocol"), protocolNumber(value)));
        }
        return this;
    }

    public SearchFilters action(String value) {
        return text(value == null ? null : value.toUpperCase(Locale.ROOT), "action");
    }

    public static int protocolNumber(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp" -> 1;
            case "icmpv6" -> 58;
            default -> {
                try {
                    int number = Integer.parseInt(value);
                    if (number < 0 || number > 255) {
                        throw new IllegalArgumentException("protocol " + value + " is outside 0..255");
                    }
                    yield number;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown protocol '" + value
                            + "' (tcp, udp, icmp, icmpv6 or a number)");
                }
            }
        };
    }

    public LogType logType() {
        return logType;
    }
}
