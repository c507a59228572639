-- Views over the security services' deliveries and AWS Config's items (docs/schema.md). Only rows of ACTIVE
-- objects count; days are calendar days in the store's zone.

DROP VIEW IF EXISTS service_finding_history;
DROP VIEW IF EXISTS config_change;

-- Every delivery of a security-service finding, with the finding it belongs to: a GuardDuty finding's counts as
-- each export reported them, and Security Hub's workflow and record states over time.
CREATE VIEW service_finding_history AS
SELECT f.id AS finding_id, t.finding_key, t.source AS delivered_by, t.source_id, t.origin,
       t.updated_at AS updated_utc, t.updated_at + INTERVAL '9' HOUR AS updated_jst, t.seen_count, t.severity,
       t.workflow, t.record_state, t.compliance, o.object_key
FROM sec_finding_event t
JOIN source_object o ON o.id = t.object_id AND o.state = 'ACTIVE'
LEFT JOIN finding f ON f.detector = 'security-services'
     AND t.finding_key = CASE f.source WHEN 'guardduty' THEN 'guardduty:' ELSE 'securityhub:' END || f.source_id;

-- Configuration changes (kind ITEM: a resource's configuration captured, CREATE / UPDATE / DELETE) and rule
-- compliance changes (kind COMPLIANCE) as AWS Config delivered them. delivery says which file brought it:
-- history (ConfigHistory, one item per change), snapshot (ConfigSnapshot, every resource's state) or other.
CREATE VIEW config_change AS
SELECT CAST(c.capture_time + z.offset_hours * INTERVAL '1' HOUR AS DATE) AS day,
       c.capture_time AS captured_utc, c.capture_time + INTERVAL '9' HOUR AS captured_jst,
       p.account_id, p.region, c.record_account_id, c.record_region, c.kind, c.resource_type, c.resource_id,
       c.resource_name, c.arn, c.change_type, c.status, c.related_events, c.changed_keys, c.rule_name,
       c.previous_status,
       CASE WHEN o.object_key LIKE '%/ConfigHistory/%' THEN 'history'
            WHEN o.object_key LIKE '%/ConfigSnapshot/%' THEN 'snapshot' ELSE 'other' END AS delivery,
       o.object_key
FROM config_item c
JOIN source_object o ON o.id = c.object_id AND o.state = 'ACTIVE'
JOIN log_partition p ON p.id = c.partition_id
CROSS JOIN store_zone z;
