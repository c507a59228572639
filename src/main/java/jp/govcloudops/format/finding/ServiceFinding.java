package jp.govcloudops.format.finding;

import java.time.Instant;

/**
 * One finding of a security service as read from a file: a GuardDuty finding, or an ASFF finding of Security Hub
 * (which may itself be a GuardDuty finding that Security Hub imported).
 *
 * @param source       the file's service: {@code guardduty} or {@code securityhub}
 * @param key          the alert's identity across services: {@code guardduty:<id>} for every GuardDuty finding,
 *                     whichever service delivered it, else {@code securityhub:<Id>}
 * @param sourceId     the delivering service's own id (GuardDuty {@code id}, ASFF {@code Id})
 * @param origin       the service that raised it ({@code guardduty}, {@code securityhub}, {@code config},
 *                     {@code inspector}, ...; from the ASFF product)
 * @param type         GuardDuty finding type, or the ASFF control id or first type
 * @param severity     INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL
 * @param score        the service's number (GuardDuty 1–10, ASFF normalized 0–100), -1 when none
 * @param count        GuardDuty's {@code service.count}: how often the activity was seen (1 without one)
 * @param firstSeen    when the activity was first seen ({@code eventFirstSeen}, {@code FirstObservedAt}, else
 *                     {@code createdAt})
 * @param updatedAt    the finding's time: its last update
 * @param workflow     ASFF {@code Workflow.Status} (or legacy {@code WorkflowState}); GuardDuty: ARCHIVED when
 *                     archived, else null
 * @param recordState  ASFF {@code RecordState} (ACTIVE, ARCHIVED)
 * @param compliance   ASFF {@code Compliance.Status} of control findings
 * @param raw          the finding's JSON, for evidence
 */
public record ServiceFinding(String source, String key, String sourceId, String origin, String type, String title,
        String description, String severity, double score, String accountId, String region, String resourceType,
        String resourceId, String principal, String sourceIp, long count, Instant firstSeen, Instant updatedAt,
        String workflow, String recordState, String compliance, String raw) {

    /** GuardDuty's bands: 1–3.9 low, 4–6.9 medium, 7–8.9 high, 9–10 critical. */
    public static String guardDutySeverity(double score) {
        if (score >= 9) {
            return "CRITICAL";
        }
        if (score >= 7) {
            return "HIGH";
        }
        return score >= 4 ? "MEDIUM" : "LOW";
    }

    /** The finding family of a GuardDuty type ({@code Recon:EC2/PortProbeUnprotectedPort} → {@code Recon}). */
    public String family() {
        return family(type);
    }

    public static String family(String type) {
        if (type == null) {
            return "";
        }
        int colon = type.indexOf(':');
        String head = colon < 0 ? type : type.substring(0, colon);
        return head.substring(head.lastIndexOf('/') + 1);
    }
}
