-- Security services' findings (GuardDuty, Security Hub) and AWS Config's configuration items, stored per object
-- like every detection input (ON DELETE CASCADE from the manifest row: reprocessing an object replaces its rows,
-- and only rows of ACTIVE objects count), and the finding columns that say where a finding came from.

-- Every finding as each file delivered it: a GuardDuty finding exported four times is four rows here and one
-- finding (finding_key: guardduty:<id> whichever service delivered it, else securityhub:<Id>).
CREATE TABLE sec_finding_event (
    object_id         BIGINT           NOT NULL REFERENCES source_object (id) ON DELETE CASCADE,
    partition_id      BIGINT           NOT NULL,
    position          INTEGER          NOT NULL,
    source            VARCHAR(16)      NOT NULL,
    finding_key       VARCHAR(1024)    NOT NULL,
    source_id         VARCHAR(1024)    NOT NULL,
    origin            VARCHAR(64)      NOT NULL,
    finding_type      VARCHAR(512),
    title             VARCHAR(1024),
    description       VARCHAR(4000),
    severity          VARCHAR(16)      NOT NULL,
    score             DOUBLE PRECISION NOT NULL,
    record_account_id VARCHAR(64),
    record_region     VARCHAR(64),
    resource_type     VARCHAR(256),
    resource_id       VARCHAR(1024),
    principal         VARCHAR(1024),
    source_ip         VARCHAR(256),
    seen_count        BIGINT           NOT NULL,
    first_seen        TIMESTAMP        NOT NULL,
    updated_at        TIMESTAMP        NOT NULL,
    workflow          VARCHAR(32),
    record_state      VARCHAR(32),
    compliance        VARCHAR(32),
    raw_finding       VARCHAR(60000)
);
CREATE INDEX sec_finding_event_object ON sec_finding_event (object_id);
CREATE INDEX sec_finding_event_key ON sec_finding_event (finding_key);
CREATE INDEX sec_finding_event_updated ON sec_finding_event (updated_at);

-- AWS Config: configuration items (kind ITEM) and rule compliance changes (kind COMPLIANCE).
CREATE TABLE config_item (
    object_id         BIGINT        NOT NULL REFERENCES source_object (id) ON DELETE CASCADE,
    partition_id      BIGINT        NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    record_account_id VARCHAR(64),
    record_region     VARCHAR(64),
    resource_type     VARCHAR(256)  NOT NULL,
    resource_id       VARCHAR(1024) NOT NULL,
    resource_name     VARCHAR(1024),
    arn               VARCHAR(1024),
    capture_time      TIMESTAMP     NOT NULL,
    change_type       VARCHAR(16)   NOT NULL,
    status            VARCHAR(64),
    related_events    VARCHAR(1024),
    changed_keys      VARCHAR(1024),
    rule_name         VARCHAR(256),
    previous_status   VARCHAR(64),
    state_hash        VARCHAR(64)
);
CREATE INDEX config_item_object ON config_item (object_id);
CREATE INDEX config_item_time ON config_item (capture_time);

-- Where a finding came from: govcloud-ops' own rules, or a security service (source_id is its own id), with the
-- other services it also arrived through (a GuardDuty finding imported by Security Hub: also_in 'securityhub').
-- first_seen_at is when the service first saw the activity; a service finding's time is its last update.
-- service_state is the service's state last applied to status (Security Hub workflow, archived records), so that
-- a change there is applied once and an operator's own status is not overwritten on every run.
ALTER TABLE finding ADD COLUMN source VARCHAR(16) DEFAULT 'govcloud-ops' NOT NULL;
ALTER TABLE finding ADD COLUMN source_id VARCHAR(1024);
ALTER TABLE finding ADD COLUMN also_in VARCHAR(64);
ALTER TABLE finding ADD COLUMN first_seen_at TIMESTAMP;
ALTER TABLE finding ADD COLUMN service_state VARCHAR(32);
CREATE INDEX finding_source ON finding (source, source_id);

-- WITHDRAWN: the service itself archived the finding (取り下げ).
ALTER TABLE finding DROP CONSTRAINT finding_status_ck;
ALTER TABLE finding ADD CONSTRAINT finding_status_ck
    CHECK (status IN ('NEW', 'IN_PROGRESS', 'RESOLVED', 'MONITORING', 'FALSE_POSITIVE', 'WITHDRAWN'));
