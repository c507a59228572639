package jp.govcloudops.source;

import java.util.Arrays;
import java.util.Optional;

/** The log streams govcloud-ops ingests, named as on the command line and in the store. */
public enum LogType {
    CLOUDTRAIL("cloudtrail", "CloudTrail", true),
    CLOUDTRAIL_INSIGHT("cloudtrail-insight", "CloudTrail-Insight", true),
    VPCFLOW("vpcflow", "vpcflowlogs", true),
    /** GuardDuty's S3 export (publishing destination): gzip JSON Lines, one finding per line. */
    GUARDDUTY("guardduty", "GuardDuty", false),
    /**
     * Security Hub findings forwarded by an EventBridge rule through Firehose: not under {@code AWSLogs/} but under
     * {@code govcloud.security-services.security-hub-prefix}, with Firehose's {@code YYYY/MM/DD/HH/} folders.
     */
    SECURITYHUB("securityhub", "SecurityHub", false),
    /** AWS Config's configuration history and snapshot files. */
    CONFIG("config", "Config", false);

    private final String id;
    private final String folderName;
    private final boolean continuous;

    LogType(String id, String folderName, boolean continuous) {
        this.id = id;
        this.folderName = folderName;
        this.continuous = continuous;
    }

    /**
     * Whether the stream delivers every day. GuardDuty, Security Hub and Config write only when there is something
     * to say (a finding, a change), so a day without their objects is no data gap.
     */
    public boolean continuous() {
        return continuous;
    }

    public String id() {
        return id;
    }

    /** The service folder under {@code AWSLogs/<account>/}, or the value of {@code aws-service=} in Hive layout. */
    public String folderName() {
        return folderName;
    }

    public static Optional<LogType> fromFolder(String name) {
        return Arrays.stream(values()).filter(t -> t.folderName.equalsIgnoreCase(name)).findFirst();
    }

    public static LogType fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown log type '" + id + "' (expected one of "
                        + String.join(", ", Arrays.stream(values()).map(LogType::id).toList()) + ")"));
    }
}
