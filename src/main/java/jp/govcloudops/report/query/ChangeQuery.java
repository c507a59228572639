package jp.govcloudops.report.query;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import jp.govcloudops.report.ReportContext;

/**
 * The configuration changes of the month: from AWS Config (view {@code config_change}, one row per captured change
 * of a resource) when the store has Config data for the month, otherwise from the month's CloudTrail write calls
 * with the calls that change nothing an official would call configuration left out ({@link #NOT_CHANGES}).
 */
public final class ChangeQuery {

    /**
     * Write calls (readOnly=false) that are not configuration changes: agent heartbeats and inventory (SSM), sign-ins
     * and role sessions (shown in 6), log delivery, and data-plane writes.
     */
    public static final Set<String> NOT_CHANGES = Set.of("UpdateInstanceInformation", "UpdateInstanceAssociationStatus",
            "PutInventory", "PutComplianceItems", "SendCommand", "StartSession", "ConsoleLogin", "AssumeRole",
            "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "GetSessionToken", "GetFederationToken", "SwitchRole",
            "CreateLogStream", "PutLogEvents", "PutMetricData", "PutObject", "DeleteObject", "CompleteMultipartUpload",
            "CreateMultipartUpload", "UploadPart", "GenerateDataKey", "Decrypt", "Encrypt", "SendMessage",
            "DeleteMessage", "PutRecord", "PutRecords", "PutEvents");

    /** Changes that weaken or widen access, logging, encryption or network exposure: listed first. */
    public static final Set<String> SECURITY_RELEVANT = Set.of("AuthorizeSecurityGroupIngress",
            "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
            "ModifySecurityGroupRules", "CreateSecurityGroup", "DeleteSecurityGroup", "CreateNetworkAclEntry",
            "ReplaceNetworkAclEntry", "DeleteNetworkAclEntry", "CreateRoute", "ReplaceRoute", "AttachInternetGateway",
            "CreateInternetGateway", "StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors", "StartLogging",
            "DeleteFlowLogs", "CreateFlowLogs", "StopConfigurationRecorder", "DeleteConfigurationRecorder",
            "DeleteDeliveryChannel", "DeleteConfigRule", "DeleteDetector", "DisableSecurityHub", "CreateUser",
            "DeleteUser", "CreateAccessKey", "UpdateAccessKey", "CreateLoginProfile", "UpdateLoginProfile",
            "DeactivateMFADevice", "DeleteVirtualMFADevice", "AttachUserPolicy", "AttachRolePolicy", "AttachGroupPolicy",
            "PutUserPolicy", "PutRolePolicy", "PutGroupPolicy", "CreatePolicyVersion", "SetDefaultPolicyVersion",
            "UpdateAssumeRolePolicy", "AddUserToGroup", "PutBucketPolicy", "DeleteBucketPolicy", "PutBucketAcl",
            "PutPublicAccessBlock", "DeletePublicAccessBlock", "PutBucketLifecycle", "PutBucketLifecycleConfiguration",
            "DeleteBucketLifecycle", "PutBucketVersioning", "PutObjectLockConfiguration", "DisableKey",
            "ScheduleKeyDeletion", "PutKeyPolicy", "ModifyDBInstance", "ModifySnapshotAttribute",
            "ModifyDBSnapshotAttribute", "ModifyImageAttribute");

    /** A resource change AWS Config captured; time UTC as stored. */
    public record ConfigChange(LocalDateTime capturedUtc, String accountId, String region, String resourceType,
            String resourceId, String resourceName, String changeType, String relatedEvents) {

        public boolean securityRelevant() {
            return relatedEvents != null && SECURITY_RELEVANT.stream().anyMatch(relatedEvents::contains);
        }
    }

    private ChangeQuery() {
    }

    /** Whether the store has AWS Config changes of the month (else the changes come from CloudTrail). */
    public static boolean hasConfig(ReportContext c) {
        if (!c.schema().has("config_change")) {
            return false;
        }
        Long n = c.jdbc().queryForObject("SELECT COUNT(*) FROM config_change WHERE kind = 'ITEM' AND captured_utc >= ?"
                + " AND captured_utc < ?", Long.class, c.utcStart(), c.utcEnd());
        return n != null && n > 0;
    }

    /** The month's captured resource changes (not the periodic snapshots), by time. */
    public static List<ConfigChange> configChanges(ReportContext c) {
        return c.jdbc().queryForList("SELECT captured_utc, account_id, region, resource_type, resource_id, resource_name,"
                + " change_type, related_events FROM config_change WHERE kind = 'ITEM' AND delivery <> 'snapshot'"
                + " AND captured_utc >= ? AND captured_utc < ? ORDER BY captured_utc, account_id, resource_type,"
                + " resource_id", c.utcStart(), c.utcEnd()).stream()
                .map(r -> new ConfigChange(Rows.timestamp(r, "captured_utc"), Rows.text(r, "account_id"),
                        Rows.text(r, "region"), Rows.text(r, "resource_type"), Rows.text(r, "resource_id"),
                        Rows.text(r, "resource_name"), Rows.text(r, "change_type"), Rows.text(r, "related_events")))
                .toList();
    }
}
