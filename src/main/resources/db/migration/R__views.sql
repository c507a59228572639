-- Queryable views (docs/schema.md). Days are calendar days in the store's zone (store_zone); only ACTIVE
-- manifest rows count, so a partition being reprocessed with --force shows its old totals until it is swapped.

DROP VIEW IF EXISTS cloudtrail_daily;
DROP VIEW IF EXISTS cloudtrail_insights;
DROP VIEW IF EXISTS flow_daily;
DROP VIEW IF EXISTS flow_boundary_daily;
DROP VIEW IF EXISTS cloudtrail_activity_daily;

CREATE VIEW cloudtrail_daily AS
SELECT d.day, d.account_id, d.region, d.event_source, d.event_name, d.error_code, SUM(d.events) AS events
FROM (SELECT CAST(h.event_hour + z.offset_hours * INTERVAL '1' HOUR AS DATE) AS day,
             p.account_id, p.region, h.event_source, h.event_name, h.error_code, h.events
      FROM ct_hourly h
      JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE'
      JOIN log_partition p ON p.id = h.partition_id AND p.log_type = 'cloudtrail'
      CROSS JOIN store_zone z) d
GROUP BY d.day, d.account_id, d.region, d.event_source, d.event_name, d.error_code;

CREATE VIEW cloudtrail_activity_daily AS
SELECT d.day, d.account_id, d.region, d.event_region, d.event_source, d.event_name, d.error_code, d.read_only,
       d.identity_type, d.principal, d.source_ip, SUM(d.events) AS events
FROM (SELECT CAST(h.event_hour + z.offset_hours * INTERVAL '1' HOUR AS DATE) AS day,
             p.account_id, p.region, h.event_region, h.event_source, h.event_name, h.error_code, h.read_only,
             h.identity_type, h.principal, h.source_ip, h.events
      FROM ct_hourly h
      JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE'
      JOIN log_partition p ON p.id = h.partition_id AND p.log_type = 'cloudtrail'
      CROSS JOIN store_zone z) d
GROUP BY d.day, d.account_id, d.region, d.event_region, d.event_source, d.event_name, d.error_code, d.read_only,
         d.identity_type, d.principal, d.source_ip;

CREATE VIEW cloudtrail_insights AS
SELECT CAST(i.event_time + z.offset_hours * INTERVAL '1' HOUR AS DATE) AS day, p.account_id, p.region,
       i.event_time, i.event_id, i.event_source, i.event_name, i.insight_type, i.state, i.baseline_average,
       i.insight_average, i.error_code
FROM ct_insight i
JOIN source_object o ON o.id = i.object_id AND o.state = 'ACTIVE'
JOIN log_partition p ON p.id = i.partition_id
CROSS JOIN store_zone z;

CREATE VIEW flow_daily AS
SELECT d.day, d.account_id, d.region, d.interface_id, d.action, d.log_status,
       SUM(d.flows) AS flows, SUM(d.packets) AS packets, SUM(d.bytes) AS bytes
FROM (SELECT CAST(h.event_hour + z.offset_hours * INTERVAL '1' HOUR AS DATE) AS day,
             p.account_id, p.region, h.interface_id, h.action, h.log_status, h.flows, h.packets, h.bytes
      FROM flow_hourly h
      JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE'
      JOIN log_partition p ON p.id = h.partition_id
      CROSS JOIN store_zone z) d
GROUP BY d.day, d.account_id, d.region, d.interface_id, d.action, d.log_status;

CREATE VIEW flow_boundary_daily AS
SELECT d.day, d.account_id, d.region, d.src_boundary, d.dst_boundary, d.action,
       SUM(d.flows) AS flows, SUM(d.packets) AS packets, SUM(d.bytes) AS bytes
FROM (SELECT CAST(h.event_hour + z.offset_hours * INTERVAL '1' HOUR AS DATE) AS day,
             p.account_id, p.region, h.src_boundary, h.dst_boundary, h.action, h.flows, h.packets, h.bytes
      FROM flow_boundary_hourly h
      JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE'
      JOIN log_partition p ON p.id = h.partition_id
      CROSS JOIN store_zone z) d
GROUP BY d.day, d.account_id, d.region, d.src_boundary, d.dst_boundary, d.action;
