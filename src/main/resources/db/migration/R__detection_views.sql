-- Views over the findings (docs/detections.md). Times are stored in UTC; *_jst columns add Japan's fixed +9 hours,
-- since 受付時間 and reports are in Japan time whatever the store's zone.

DROP VIEW IF EXISTS findings;
DROP VIEW IF EXISTS finding_daily;
DROP VIEW IF EXISTS finding_status_changes;

CREATE VIEW findings AS
SELECT f.id, f.rule_id, f.title_ja, f.title_en, f.severity,
       CASE f.severity WHEN 'INFORMATIONAL' THEN '情報' WHEN 'LOW' THEN '低' WHEN 'MEDIUM' THEN '中'
            WHEN 'HIGH' THEN '高' ELSE '緊急' END AS severity_ja,
       f.event_day AS day,
       f.first_event_at AS first_event_utc, f.first_event_at + INTERVAL '9' HOUR AS first_event_jst,
       f.last_event_at AS last_event_utc, f.last_event_at + INTERVAL '9' HOUR AS last_event_jst,
       f.account_id, f.region, f.principal, f.resource, f.source_ip, f.boundary, f.event_names, f.summary_ja,
       f.match_count, f.countermeasure_ja, f.service_hours,
       CASE f.service_hours WHEN 'INSIDE' THEN '受付時間内' WHEN 'OUTSIDE' THEN '受付時間外' ELSE '不明' END
           AS service_hours_ja,
       f.status,
       CASE f.status WHEN 'NEW' THEN '未対応' WHEN 'IN_PROGRESS' THEN '対応中' WHEN 'RESOLVED' THEN '対応済'
            WHEN 'MONITORING' THEN '経過観察' WHEN 'WITHDRAWN' THEN '取り下げ' ELSE '誤検知' END AS status_ja,
       f.status_note, f.status_changed_at, f.detected_at, f.derived,
       f.source, f.source_id, f.also_in,
       f.first_seen_at AS first_seen_utc, f.first_seen_at + INTERVAL '9' HOUR AS first_seen_jst
FROM finding f;

CREATE VIEW finding_daily AS
SELECT f.event_day AS day, f.account_id, f.rule_id, f.severity, f.service_hours, f.status, f.source,
       COUNT(*) AS findings
FROM finding f
WHERE f.derived = TRUE
GROUP BY f.event_day, f.account_id, f.rule_id, f.severity, f.service_hours, f.status, f.source;

CREATE VIEW finding_status_changes AS
SELECT h.finding_id, f.rule_id, f.event_day AS day, h.changed_at AS changed_utc,
       h.changed_at + INTERVAL '9' HOUR AS changed_jst, h.from_status, h.to_status, h.note, h.changed_by
FROM finding_status_history h
JOIN finding f ON f.id = h.finding_id;
