package jp.govcloudops.source;

import java.util.Arrays;
import java.util.Optional;

/** The log streams govcloud-ops ingests, named as on the command line and in the store. */
public enum LogType {
    CLOUDTRAIL("cloudtrail", "CloudTrail"),
    CLOUDTRAIL_INSIGHT("cloudtrail-insight", "CloudTrail-Insight"),
    VPCFLOW("vpcflow", "vpcflowlogs");

    private final String id;
    private final String folderName;

    LogType(String id, String folderName) {
        this.id = id;
        this.folderName = folderName;
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
