package jp.govcloudops.detect.security;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Detector;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingStatus;
import jp.govcloudops.detect.Fingerprints;
import jp.govcloudops.config.SecurityServicesProperties;
import jp.govcloudops.config.Severity;
import jp.govcloudops.format.finding.ServiceFinding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One finding per security-service alert from every delivery of it (sec_finding_event of ACTIVE objects): the
 * latest delivery decides (last {@code updatedAt}, then the higher count, then GuardDuty's own export over Security
 * Hub's copy, then the higher severity), the counts of all deliveries are the finding's history
 * ({@code service_finding_history}), and a GuardDuty finding delivered by both services is one finding with
 * {@code source = 'guardduty'} and {@code also_in = 'securityhub'}. Its time and day are those of its last update;
 * a finding updated on a later day moves to that day, so this detector derives all its stored deliveries at once
 * ({@link #scope}). A control finding that has only ever passed is not an alert. AWS Config's rule compliance
 * changes are read the same way ({@link #complianceChanges}).
 */
@Component
public class ServiceFindingDetector implements Detector {

    public static final String NAME = "security-services";
    /** Rule ids of the findings, one per source, so that lists and reports can group them. */
    static final List<String> RULE_IDS = List.of("guardduty", "securityhub", "config");

    private final JdbcTemplate jdbc;
    private final ServiceCountermeasures texts;
    /** An AWS Config rule's non-compliance, which Config itself does not rate (configured, MEDIUM by default). */
    private final Severity configSeverity;

    public ServiceFindingDetector(JdbcTemplate jdbc, ServiceCountermeasures texts, SecurityServicesProperties settings) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.configSeverity = Severity.parse(settings.configRuleSeverity());
    }

    @Override
    public boolean perRecord() {
        return true;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> ruleIds() {
        return RULE_IDS;
    }

    @Override
    public DetectionWindow scope(DetectionWindow requested) {
        Map<String, Object> events = jdbc.queryForMap("SELECT MIN(t.updated_at) AS lo, MAX(t.updated_at) AS hi"
                + " FROM sec_finding_event t JOIN source_object o ON o.id = t.object_id AND o.state = 'ACTIVE'");
        Map<String, Object> compliance = jdbc.queryForMap("SELECT MIN(c.capture_time) AS lo, MAX(c.capture_time) AS hi"
                + " FROM config_item c JOIN source_object o ON o.id = c.object_id AND o.state = 'ACTIVE'"
                + " WHERE c.kind = 'COMPLIANCE'");
        Map<String, Object> stored = jdbc.queryForMap("SELECT MIN(event_day) AS lo, MAX(event_day) AS hi FROM finding"
                + " WHERE detector = ?", NAME);
        LocalDate from = requested.from();
        LocalDate to = requested.to();
        for (LocalDate day : new LocalDate[] {day(requested, events.get("lo")), day(requested, events.get("hi")),
                day(requested, compliance.get("lo")), day(requested, compliance.get("hi")),
                date(stored.get("lo")), date(stored.get("hi"))}) {
            if (day != null) {
                from = day.isBefore(from) ? day : from;
                to = day.isAfter(to) ? day : to;
            }
        }
        return new DetectionWindow(from, to, requested.offsetHours());
    }

    private static LocalDate day(DetectionWindow w, Object utc) {
        if (utc == null) {
            return null;
        }
        return w.dayOf(utc instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : (LocalDateTime) utc);
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** One delivery, as stored. */
    private record Delivery(String source, String key, String sourceId, String origin, String type, String title,
            String description, Severity severity, double score, String account, String region, String resourceType,
            String resourceId, String principal, String sourceIp, long count, LocalDateTime firstSeen,
            LocalDateTime updatedAt, String workflow, String recordState, String compliance, String partitionAccount,
            String partitionRegion, String objectKey, String raw) {
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        Map<String, List<Delivery>> byKey = new LinkedHashMap<>();
        jdbc.query("SELECT t.source, t.finding_key, t.source_id, t.origin, t.finding_type, t.title, t.description,"
                + " t.severity, t.score, t.record_account_id, t.record_region, t.resource_type, t.resource_id,"
                + " t.principal, t.source_ip, t.seen_count, t.first_seen, t.updated_at, t.workflow, t.record_state,"
                + " t.compliance, p.account_id, p.region, o.object_key, t.raw_finding"
                + " FROM sec_finding_event t JOIN source_object o ON o.id = t.object_id AND o.state = 'ACTIVE'"
                + " JOIN log_partition p ON p.id = t.partition_id"
                + " ORDER BY t.finding_key, t.updated_at, t.seen_count, t.object_id, t.position", rs -> {
                    Delivery d = new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), Severity.valueOf(rs.getString(8)),
                            rs.getDouble(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getString(14), rs.getString(15), rs.getLong(16), rs.getObject(17, LocalDateTime.class),
                            rs.getObject(18, LocalDateTime.class), rs.getString(19), rs.getString(20),
                            rs.getString(21), rs.getString(22), rs.getString(23), rs.getString(24), rs.getString(25));
                    byKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d);
                });
        complianceChanges(byKey);
        List<Finding> findings = new ArrayList<>();
        for (List<Delivery> deliveries : byKey.values()) {
            Delivery latest = latest(deliveries);
            if (!window.contains(window.dayOf(latest.updatedAt())) || onlyPassed(deliveries)) {
                continue;
            }
            findings.add(finding(latest, deliveries, window));
        }
        return findings;
    }

    /**
     * AWS Config's rule compliance changes as deliveries of one alert per account, rule and resource: NON_COMPLIANT
     * reads as a failed control, COMPLIANT as a passed one (the finding is then resolved, with its history), and
     * NOT_APPLICABLE (the resource is gone or out of the rule's scope) as archived (withdrawn). Config gives no
     * severity; it is {@code govcloud.security-services.config-rule-severity}.
     */
    private void complianceChanges(Map<String, List<Delivery>> byKey) {
        jdbc.query("SELECT c.record_account_id, c.record_region, c.resource_type, c.resource_id, c.capture_time,"
                + " c.status, c.rule_name, p.account_id, p.region, o.object_key"
                + " FROM config_item c JOIN source_object o ON o.id = c.object_id AND o.state = 'ACTIVE'"
                + " JOIN log_partition p ON p.id = c.partition_id WHERE c.kind = 'COMPLIANCE' AND c.rule_name IS NOT NULL"
                + " ORDER BY c.capture_time, c.object_id", rs -> {
                    String account = rs.getString(1) != null ? rs.getString(1) : rs.getString(8);
                    String rule = rs.getString(7);
                    String resource = rs.getString(3) + " " + rs.getString(4);
                    String status = rs.getString(6);
                    LocalDateTime at = rs.getObject(5, LocalDateTime.class);
                    String key = "config:" + account + ":" + rule + ":" + resource;
                    List<Delivery> deliveries = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                    deliveries.add(new Delivery("config", key, rule + " " + resource, "config", rule,
                            resource + " is " + status + " with " + rule, null, configSeverity, 0, account,
                            rs.getString(2), rs.getString(3), rs.getString(4), null, null, deliveries.size() + 1, at,
                            at, null, "NOT_APPLICABLE".equals(status) ? "ARCHIVED" : null, asControl(status),
                            rs.getString(8), rs.getString(9), rs.getString(10), null));
                });
    }

    /** A Config compliance type in the words of a Security Hub control's compliance status. */
    private static String asControl(String complianceType) {
        return switch (String.valueOf(complianceType)) {
            case "NON_COMPLIANT" -> "FAILED";
            case "COMPLIANT" -> "PASSED";
            default -> complianceType;
        };
    }

    private static Delivery latest(List<Delivery> deliveries) {
        Delivery best = deliveries.get(0);
        for (Delivery d : deliveries) {
            int c = d.updatedAt().compareTo(best.updatedAt());
            if (c == 0) {
                c = Long.compare(d.count(), best.count());
            }
            if (c == 0) {
                c = Boolean.compare(d.source().equals(d.origin()), best.source().equals(best.origin()));
            }
            if (c == 0) {
                c = d.severity().compareTo(best.severity());
            }
            if (c > 0) {
                best = d;
            }
        }
        return best;
    }

    private static boolean onlyPassed(List<Delivery> deliveries) {
        return deliveries.stream().allMatch(d -> "PASSED".equals(d.compliance()) || "NOT_AVAILABLE".equals(d.compliance()));
    }

    private Finding finding(Delivery f, List<Delivery> deliveries, DetectionWindow window) {
        String source = switch (f.origin()) {
            case "guardduty", "config" -> f.origin();
            default -> "securityhub";
        };
        TreeSet<String> also = new TreeSet<>();
        deliveries.forEach(d -> also.add(d.source()));
        also.remove(source);
        LocalDateTime firstSeen = deliveries.stream().map(Delivery::firstSeen).min(LocalDateTime::compareTo)
                .orElse(f.firstSeen());
        ServiceCountermeasures.Text text = switch (source) {
            case "guardduty" -> texts.guardDuty(ServiceFinding.family(f.type()));
            case "config" -> texts.configRule(f.type());
            default -> texts.control(f.type());
        };
        String serviceName = switch (source) {
            case "guardduty" -> "GuardDuty";
            case "config" -> "AWS Config";
            default -> "Security Hub";
        };
        String title = f.title() == null ? f.type() : f.title();
        String titleJa = serviceName + "（" + text.labelJa() + "）: " + (f.type() == null ? title : f.type());
        String summary = title + (f.count() > 1 ? "（" + f.count() + " 回観測）" : "")
                + (f.compliance() == null ? "" : " / コンプライアンス: " + f.compliance());
        String state = serviceState(f);
        // A GuardDuty finding is named by GuardDuty's id, whichever service delivered its latest state.
        String sourceId = source.equals("guardduty") ? f.key().substring("guardduty:".length()) : f.sourceId();
        Finding.Origin origin = new Finding.Origin(source, sourceId, also.isEmpty() ? null : String.join(",", also),
                firstSeen, state, serviceStatus(state));
        return new Finding(Fingerprints.of("service", f.key()), source, NAME, f.severity(), titleJa, title,
                window.dayOf(f.updatedAt()), f.updatedAt(), f.updatedAt(),
                f.account() != null ? f.account() : f.partitionAccount(),
                f.region() != null ? f.region() : f.partitionRegion(), f.principal(),
                f.resourceType() == null ? f.resourceId() : f.resourceType() + " " + nvl(f.resourceId()), f.sourceIp(),
                null, f.type(), summary, evidence(f, deliveries), f.count(), text.countermeasureJa(), origin);
    }

    /** The service's word on the alert: archived, passed, or Security Hub's workflow status. */
    private static String serviceState(Delivery f) {
        if ("ARCHIVED".equals(f.recordState()) || "ARCHIVED".equals(f.workflow())) {
            return "ARCHIVED";
        }
        if ("PASSED".equals(f.compliance())) {
            return "PASSED";
        }
        return f.workflow() == null ? "ACTIVE" : f.workflow();
    }

    static FindingStatus serviceStatus(String state) {
        return switch (state) {
            case "ARCHIVED" -> FindingStatus.WITHDRAWN;
            case "PASSED", "RESOLVED" -> FindingStatus.RESOLVED;
            case "SUPPRESSED" -> FindingStatus.FALSE_POSITIVE;
            case "NOTIFIED" -> FindingStatus.IN_PROGRESS;
            case "NEW" -> FindingStatus.NEW;
            default -> null;
        };
    }

    private static String evidence(Delivery latest, List<Delivery> deliveries) {
        StringBuilder b = new StringBuilder("{\"deliveries\":[");
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            b.append(i == 0 ? "" : ",").append("{\"source\":\"").append(d.source()).append("\",\"updatedAt\":\"")
                    .append(d.updatedAt()).append("Z\",\"count\":").append(d.count()).append(",\"object\":")
                    .append(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(d.objectKey())).append('}');
        }
        b.append("],\"finding\":").append(latest.raw() == null ? "null" : latest.raw()).append('}');
        return b.toString();
    }

    private static String nvl(String s) {
        return s == null ? "" : s;
    }
}
