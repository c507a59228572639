package jp.govcloudops.aggregate;

import static jp.govcloudops.aggregate.TableRows.cut;

import java.util.List;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.format.config.ConfigChange;
import jp.govcloudops.store.ObjectContribution;

/** Keeps every configuration item and compliance change of an object, for the {@code config_change} view. */
public final class ConfigChangeRows implements ObjectAnalyzer<ConfigChange> {

    private final TableRows rows = new TableRows("config_item", List.of("kind", "record_account_id", "record_region",
            "resource_type", "resource_id", "resource_name", "arn", "capture_time", "change_type", "status",
            "related_events", "changed_keys", "rule_name", "previous_status", "state_hash"), 1024);

    @Override
    public void accept(ConfigChange c) {
        rows.add(c.kind(), cut(c.accountId(), 64), cut(c.region(), 64), cut(c.resourceType(), 256), c.resourceId(),
                c.resourceName(), c.arn(), UtcTime.ofEpochSecond(c.captureTime().getEpochSecond()),
                cut(c.changeType(), 16), cut(c.status(), 64), c.relatedEvents(), c.changedKeys(),
                cut(c.ruleName(), 256), cut(c.previousStatus(), 64), cut(c.stateHash(), 64));
    }

    @Override
    public List<ObjectContribution> contributions() {
        return List.of(rows);
    }
}
