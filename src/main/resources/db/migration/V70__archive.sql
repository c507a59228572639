-- The Parquet archive of every record (docs/schema.md, "Archive").

-- Which archive directory this store writes; search and archive prune read the one recorded here.
CREATE TABLE archive_location (
    id          INT           NOT NULL PRIMARY KEY CHECK (id = 1),
    location    VARCHAR(2000) NOT NULL,
    recorded_at TIMESTAMP     NOT NULL
);

-- One read of one object: its records in the archive. Owned by the manifest row like the aggregates, so a
-- changed or reprocessed object's segment goes with its old row. staged_file is set while the records wait in
-- _staging/ and cleared once the partition's compacted file holds them.
CREATE TABLE archive_segment (
    object_id    BIGINT        NOT NULL REFERENCES source_object (id) ON DELETE CASCADE,
    partition_id BIGINT        NOT NULL,
    segment_id   BIGINT        NOT NULL,
    staged_file  VARCHAR(1024),
    records      BIGINT        NOT NULL,
    first_time   TIMESTAMP,
    last_time    TIMESTAMP
);
CREATE UNIQUE INDEX archive_segment_uk ON archive_segment (segment_id);
CREATE INDEX archive_segment_object ON archive_segment (object_id);
CREATE INDEX archive_segment_partition ON archive_segment (partition_id);

-- The compacted file of an ingestion partition, as last written.
CREATE TABLE archive_file (
    partition_id BIGINT        NOT NULL PRIMARY KEY REFERENCES log_partition (id),
    path         VARCHAR(2000) NOT NULL,
    records      BIGINT        NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    first_time   TIMESTAMP,
    last_time    TIMESTAMP,
    written_at   TIMESTAMP     NOT NULL
);
