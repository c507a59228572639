package jp.govcloudops.sample;

import java.util.List;

/**
 * Someone or something that calls AWS APIs in the sample estate, with the CloudTrail identity it shows.
 *
 * @param type        CloudTrail {@code userIdentity.type}: IAMUser, AssumedRole, AWSService or Root
 * @param persona     what it does, which decides its API calls and hours
 * @param name        the user name, role name, or for AWSService the service principal
 * @param principalId AIDA.../AROA... id (the account id for Root)
 * @param accessKeyId the long-term key of an IAM user who uses the CLI, else null
 * @param sessionName the role session name of an assumed role
 * @param invokedBy   the AWS service acting for it, or null
 * @param sourceIps   addresses its calls come from (a service principal's own name for services)
 * @param userAgents  user agents it calls with
 */
public record Principal(String type, Persona persona, String accountId, String name, String principalId,
        String accessKeyId, String sessionName, String invokedBy, List<String> sourceIps, List<String> userAgents) {

    /** What a principal does in the background. */
    public enum Persona {
        /** Operators of the 運用管理補助者 and system administrators, signing in to the console. */
        OPERATOR,
        /** The deployment role assumed by the CI pipeline (Terraform). */
        DEPLOY,
        /** The SSM agent on EC2 instances, through the instance role. */
        INSTANCE,
        /** Application containers, through the ECS task role. */
        TASK,
        /** An on-premises batch job using an IAM user's access key over LGCS. */
        BATCH,
        /** AWS Config's service-linked role. */
        CONFIG,
        /** GuardDuty's service-linked role. */
        GUARDDUTY,
        /** Security Hub's service-linked role. */
        SECURITYHUB,
        /** AWS Backup's service role, at night. */
        BACKUP,
        /** AWS services themselves (type AWSService), e.g. assuming task and function roles. */
        SERVICE,
        /** The account's root user: never in the background. */
        ROOT
    }

    public String arn() {
        return switch (type) {
            case "IAMUser" -> "arn:aws:iam::" + accountId + ":user/" + name;
            case "AssumedRole" -> "arn:aws:sts::" + accountId + ":assumed-role/" + name + "/" + sessionName;
            case "Root" -> "arn:aws:iam::" + accountId + ":root";
            default -> null;
        };
    }

    public String roleArn() {
        return "arn:aws:iam::" + accountId + ":role/" + name;
    }
}
