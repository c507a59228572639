-- Row-level companions of the daily views (R__views.sql) for the monthly report: the same joins, the same ACTIVE
-- filter and the same day expression, but without the GROUP BY over all history, and with the UTC event_hour
-- exposed so that a month's rows are found through the event_hour indexes. Sums over a month of these rows are,
-- by construction, the sums of the daily views over the same days (the report's tests check both).

DROP VIEW IF EXISTS report_cloudtrail_rows;
DROP VIEW IF EXISTS report_flow_rows;
DROP VIEW IF EXISTS report_flow_boundary_rows;

CREATE VIEW report_cloudtrail_rows AS
SELECT CAST(h.event_hour + z.offset_hours * INTERVAL '1' HOUR AS DATE) AS day, h.event_hour,
       p.account_id, p.region, h.event_region, h.event_source, h.event_name, h.error_code, h.read_only,
       h.identity_type, h.principal, h.source_ip, h.events
FROM ct_hourly h
JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE'
JOIN log_partition p ON p.id = h.partition_id AND p.log_type = 'cloudtrail'
CROSS JOIN store_zone z;

CREATE VIEW report_flow_rows AS
SELECT CAST(h.event_hour + z.offset_hours * INTERVAL '1' HOUR AS DATE) AS day, h.event_hour,
       p.account_id, p.region, h.interface_id, h.action, h.log_status, h.flows, h.packets, h.bytes
FROM flow_hourly h
JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE'
JOIN log_partition p ON p.id = h.partition_id
CROSS JOIN store_zone z;

CREATE VIEW report_flow_boundary_rows AS
SELECT CAST(h.event_hour + z.offset_hours * INTERVAL '1' HOUR AS DATE) AS day, h.event_hour,
       p.account_id, p.region, h.src_boundary, h.dst_boundary, h.action, h.flows, h.packets, h.bytes
FROM flow_boundary_hourly h
JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE'
JOIN log_partition p ON p.id = h.partition_id
CROSS JOIN store_zone z;
