-- ACCEPTed DNS traffic (plain or over TLS) from the estate to internet resolvers other than the approved ones, per
-- (hour, source, resolver, port); the input of the flow-dns-external-resolver detection.
CREATE TABLE det_flow_dns (
    object_id      BIGINT        NOT NULL REFERENCES source_object (id) ON DELETE CASCADE,
    partition_id   BIGINT        NOT NULL,
    event_hour     TIMESTAMP     NOT NULL,
    first_start    TIMESTAMP     NOT NULL,
    src_addr       VARCHAR(64)   NOT NULL,
    dst_addr       VARCHAR(64)   NOT NULL,
    dst_port       INTEGER       NOT NULL,
    src_boundary   VARCHAR(16)   NOT NULL,
    interface_id   VARCHAR(1024),
    flows          BIGINT        NOT NULL,
    packets        BIGINT        NOT NULL,
    bytes          BIGINT        NOT NULL
);
CREATE INDEX det_flow_dns_object ON det_flow_dns (object_id);
CREATE INDEX det_flow_dns_hour ON det_flow_dns (event_hour);
