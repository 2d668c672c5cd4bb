-- A large FULL sync runs as a Jakarta Batch job (historical-import): its partitions are windows of modification
-- time, read in parallel. batch_partitions is set for such a job; batch_execution_id is its newest execution.
ALTER TABLE engine.sync_job
    ADD COLUMN batch_partitions   smallint,
    ADD COLUMN batch_execution_id bigint;

-- Each partition's window (after, until] of modification time and where it is: the next page to read, or done.
-- Written in the chunk's transaction, with the page's rows: a restart resumes exactly where the rows stop.
CREATE TABLE engine.sync_partition (
    tenant_id   varchar(64)  NOT NULL,
    job_id      uuid         NOT NULL REFERENCES engine.sync_job (id),
    idx         smallint     NOT NULL,
    after_time  timestamptz,
    until_time  timestamptz,
    since       timestamptz,
    page        integer      NOT NULL,
    done        boolean      NOT NULL,
    pages       integer      NOT NULL,
    rows_stored bigint       NOT NULL,
    updated_at  timestamptz  NOT NULL,
    PRIMARY KEY (job_id, idx)
);
GRANT SELECT, INSERT, UPDATE ON engine.sync_partition TO "${appRole}";
ALTER TABLE engine.sync_partition ENABLE ROW LEVEL SECURITY;
CREATE POLICY sync_partition_tenant_isolation ON engine.sync_partition
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
