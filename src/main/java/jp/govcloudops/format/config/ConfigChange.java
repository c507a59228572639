package jp.govcloudops.format.config;

import java.time.Instant;

/**
 * A configuration item or a rule's compliance change, as AWS Config delivers it.
 *
 * @param kind           {@code ITEM} (a resource's configuration captured) or {@code COMPLIANCE} (a rule's
 *                       evaluation of a resource changed)
 * @param changeType     CREATE, UPDATE or DELETE: from the notification's diff, else from the item's status
 *                       ({@code ResourceDiscovered} → CREATE, {@code ResourceDeleted…} → DELETE, else UPDATE)
 * @param status         {@code configurationItemStatus}, or the new compliance type
 * @param relatedEvents  CloudTrail event ids that caused the change, comma-separated
 * @param changedKeys    the properties the diff names ({@code Configuration.State.Name}), comma-separated; null
 *                       without a diff
 * @param ruleName       the Config rule of a compliance change
 * @param previousStatus the compliance type before the change
 * @param stateHash      the configuration's MD5 as Config computed it
 */
public record ConfigChange(String kind, String accountId, String region, String resourceType, String resourceId,
        String resourceName, String arn, Instant captureTime, String changeType, String status,
        String relatedEvents, String changedKeys, String ruleName, String previousStatus, String stateHash) {
}
