package jp.govcloudops.config;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Security and network anomaly detection (docs/configuration.md, "Detection"). Every per-object table has a cap
 * per object and every table a retention, so detection state stays bounded.
 *
 * @param enabled                 run the detection stage in {@code nightly}
 * @param rulesDir                extra rule files (*.yml) added to, or replacing by id, the built-in rules
 * @param disabledRules           rule ids not evaluated
 * @param maxMatchesPerObject     matched records kept per object and rule; further matches are counted only
 * @param rawRecordsPerObject     matched records per object and rule kept with their raw JSON as evidence
 * @param maxRawRecordChars       a raw record longer than this is kept cut, marked as cut
 * @param evidenceRecords         raw records shown in a finding's evidence
 * @param redetectDays            days before the run date whose findings every night re-derives (late files)
 * @param matchRetentionDays      days of per-record matches kept for re-deriving findings
 * @param flowRetentionDays       days of per-object flow summaries kept (they feed the flow baselines)
 * @param baselineRetentionDays   days of baseline statistics kept
 */
@Validated
@ConfigurationProperties("govcloud.detection")
public record DetectionProperties(
        @DefaultValue("true") boolean enabled,
        Path rulesDir,
        @DefaultValue List<String> disabledRules,
        @Min(10) @DefaultValue("2000") int maxMatchesPerObject,
        @Min(1) @DefaultValue("20") int rawRecordsPerObject,
        @Min(1024) @Max(100000) @DefaultValue("65536") int maxRawRecordChars,
        @Min(1) @Max(50) @DefaultValue("5") int evidenceRecords,
        @Min(1) @Max(60) @DefaultValue("4") int redetectDays,
        @Min(7) @DefaultValue("90") int matchRetentionDays,
        @Min(35) @DefaultValue("45") int flowRetentionDays,
        @Min(7) @DefaultValue("90") int baselineRetentionDays,
        @NotNull @Valid @DefaultValue Baseline baseline,
        @NotNull @Valid @DefaultValue FirstSeen firstSeen,
        @NotNull @Valid @DefaultValue Flow flow,
        @NotNull @Valid @DefaultValue Notifications notifications) {

    /**
     * CloudTrail Insights-style rates per account and event source, per hour, against the hours of the past days.
     *
     * @param historyDays    days of history (28, as CloudTrail Insights)
     * @param minHistoryDays days with data needed before the baseline is used
     * @param sigma          how many standard deviations above the mean count as unusual
     * @param minCalls       an hour needs at least this many write calls to be unusual
     * @param minErrors      an hour needs at least this many failed calls for an error-rate finding
     * @param minErrorRate   and at least this error rate (0–1)
     */
    public record Baseline(
            @Min(7) @Max(90) @DefaultValue("28") int historyDays,
            @Min(1) @DefaultValue("7") int minHistoryDays,
            @DecimalMin("1.0") @DefaultValue("3.0") double sigma,
            @Min(1) @DefaultValue("30") int minCalls,
            @Min(1) @DefaultValue("10") int minErrors,
            @DecimalMin("0.0") @DefaultValue("0.2") double minErrorRate) {
    }

    /**
     * First-seen terms ("new terms") per account against a history window.
     *
     * @param historyDays           days a term must be absent from to be new
     * @param minHistoryDays        days of data the account needs before anything is "new"
     * @param sourceIpIdentityTypes identity types whose source IPs are tracked (roles used by AWS services change
     *                              address all the time)
     * @param apiIdentityTypes      identity types whose new APIs are reported (deployment roles use new APIs with
     *                              every change)
     * @param writeApisOnly         track new APIs per principal for write calls only
     */
    public record FirstSeen(
            @Min(1) @Max(60) @DefaultValue("10") int historyDays,
            @Min(1) @DefaultValue("7") int minHistoryDays,
            @DefaultValue({"IAMUser", "Root"}) List<String> sourceIpIdentityTypes,
            @DefaultValue({"IAMUser", "Root"}) List<String> apiIdentityTypes,
            @DefaultValue("true") boolean writeApisOnly) {
    }

    /**
     * Flow-log detections.
     *
     * @param adminPorts                 ports whose ACCEPTed traffic from the internet is reported
     * @param scanMinPorts               distinct destination ports per (source, destination, hour) that make a scan
     * @param scanIgnoredPorts           ports not counted for scans (common services)
     * @param scanMaxPort                destination ports above this (ephemeral, replies) are not counted
     * @param scanMinPortsPerObject      a pair is kept from an object only with this many distinct ports in it
     * @param maxScanPairsPerObject      (source, destination, hour) rows kept per object, most ports first
     * @param maxRejectSourcesPerObject  (source, hour) REJECT rows kept per object, most rejects first; the rest
     *                                   are summed in one row per hour
     * @param rejectHistoryDays          baseline days for rejected-traffic spikes (about 30)
     * @param rejectMinPoints            hours of history a source needs (more than 5)
     * @param rejectSigma                spike = above mean + sigma × standard deviation
     * @param rejectMinCount             and at least this many rejected flows in the hour
     * @param egressHistoryDays          baseline days for volume to the internet (7)
     * @param egressZScore               z-score that makes an hour unusual
     * @param egressMinBytes             and at least this many bytes in the hour
     * @param egressMinPoints            hours of history a source needs
     * @param maxDestinationsPerObject   (interface, destination) rows kept per object for first-seen
     * @param destinationHistoryDays     history window for first-seen external destinations
     * @param destinationMinHistoryDays  days an interface must have been seen before anything is new for it
     * @param maxAdminRowsPerObject      rows of admin-port traffic kept per object
     * @param dnsPorts                   DNS ports (plain DNS and DNS over TLS) whose traffic from the estate to
     *                                   internet resolvers is reported
     * @param dnsApprovedResolvers       internet resolvers (IPv4 or IPv6 CIDR) the estate may use directly; the
     *                                   estate's own and on-premises resolvers are never internet addresses
     * @param maxDnsRowsPerObject        rows of DNS traffic to internet resolvers kept per object
     */
    public record Flow(
            @DefaultValue({"22", "3389"}) List<Integer> adminPorts,
            @Min(2) @DefaultValue("10") int scanMinPorts,
            @DefaultValue({"53", "80", "123", "443", "445", "853", "2049"}) List<Integer> scanIgnoredPorts,
            @Min(1024) @Max(65535) @DefaultValue("32767") int scanMaxPort,
            @Min(1) @DefaultValue("2") int scanMinPortsPerObject,
            @Min(10) @DefaultValue("2000") int maxScanPairsPerObject,
            @Min(10) @DefaultValue("500") int maxRejectSourcesPerObject,
            @Min(7) @Max(90) @DefaultValue("30") int rejectHistoryDays,
            @Min(2) @DefaultValue("6") int rejectMinPoints,
            @DecimalMin("1.0") @DefaultValue("3.0") double rejectSigma,
            @Min(1) @DefaultValue("20") int rejectMinCount,
            @Min(2) @Max(30) @DefaultValue("7") int egressHistoryDays,
            @DecimalMin("1.0") @DefaultValue("3.0") double egressZScore,
            @Min(0) @DefaultValue("52428800") long egressMinBytes,
            @Min(2) @DefaultValue("24") int egressMinPoints,
            @Min(10) @DefaultValue("2000") int maxDestinationsPerObject,
            @Min(1) @Max(45) @DefaultValue("30") int destinationHistoryDays,
            @Min(1) @DefaultValue("7") int destinationMinHistoryDays,
            @Min(10) @DefaultValue("1000") int maxAdminRowsPerObject,
            @DefaultValue({"53", "853"}) List<Integer> dnsPorts,
            @DefaultValue List<String> dnsApprovedResolvers,
            @Min(10) @DefaultValue("1000") int maxDnsRowsPerObject) {
    }

    /**
     * Mails about findings, through the mail outbox.
     *
     * @param recipients  addresses; without any, findings are stored but not mailed (and every run says so)
     * @param minSeverity findings at or above it are mailed one by one; the rest go into the daily digest
     * @param digest      send the daily digest
     * @param maxAgeDays  findings whose events are older than this (backfills) go into the digest only
     */
    public record Notifications(
            @DefaultValue List<String> recipients,
            @NotNull @DefaultValue("HIGH") String minSeverity,
            @DefaultValue("true") boolean digest,
            @Min(1) @DefaultValue("7") int maxAgeDays) {

        @jakarta.validation.constraints.AssertTrue(message = "govcloud.detection.notifications.min-severity must be"
                + " INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL")
        public boolean isMinSeverityKnown() {
            try {
                jp.govcloudops.config.Severity.parse(minSeverity);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        public jp.govcloudops.config.Severity severityThreshold() {
            return jp.govcloudops.config.Severity.parse(minSeverity);
        }
    }
}
