-- The monthly report no longer reads row-level views: it sums each hourly table per object over the month's UTC
-- hour range before joining the manifest and partitions (report.sections.HourlyTable, docs/schema.md). The views
-- this file used to define are dropped; they joined every hourly row to log_partition, which H2 did through the
-- wrong index (tens of millions of index rows for a month of 10 accounts).

DROP VIEW IF EXISTS report_cloudtrail_rows;
DROP VIEW IF EXISTS report_flow_rows;
DROP VIEW IF EXISTS report_flow_boundary_rows;
