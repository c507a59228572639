-- Trail integrity results (docs/schema.md, "Trail integrity"): one row per source, account, region and UTC hour
-- checked, with its day in the store's zone and the problem files named.

DROP VIEW IF EXISTS trail_integrity_problems;
DROP VIEW IF EXISTS trail_integrity;

CREATE VIEW trail_integrity AS
SELECT CAST(h.hour_start + z.offset_hours * INTERVAL '1' HOUR AS DATE) AS day, h.hour_start, h.account_id, h.region,
       h.status, h.digest_key, h.log_files, h.valid_files, h.problems, h.source, h.checked_at
FROM trail_integrity_hour h
CROSS JOIN store_zone z;

CREATE VIEW trail_integrity_problems AS
SELECT CAST(h.hour_start + z.offset_hours * INTERVAL '1' HOUR AS DATE) AS day, h.hour_start, h.account_id, h.region,
       p.status, p.object_key, p.detail, h.source
FROM trail_integrity_problem p
JOIN trail_integrity_hour h ON h.id = p.hour_id
CROSS JOIN store_zone z;
