-- The Jakarta Batch job repository (Payara's jbatch), in its own schema: the server's batch runtime is pointed
-- at it (server-config: set-batch-runtime-configuration --schemaname jbatch). The tables are those of
-- Payara's lib/install/databases/jsr352-postgresql.sql. Created here, versioned, rather than left to the
-- runtime's lazy creation, which is lost when the first batch call happens inside a rolled-back transaction.
CREATE TABLE jbatch.jobinstancedata (
    jobinstanceid serial NOT NULL PRIMARY KEY,
    name          varchar(512),
    apptag        varchar(512)
);

CREATE TABLE jbatch.executioninstancedata (
    jobexecid     serial NOT NULL PRIMARY KEY,
    jobinstanceid bigint NOT NULL REFERENCES jbatch.jobinstancedata (jobinstanceid),
    createtime    timestamp,
    starttime     timestamp,
    endtime       timestamp,
    updatetime    timestamp,
    parameters    bytea,
    batchstatus   varchar(512),
    exitstatus    varchar(512)
);

CREATE TABLE jbatch.stepexecutioninstancedata (
    stepexecid       serial NOT NULL PRIMARY KEY,
    jobexecid        bigint NOT NULL REFERENCES jbatch.executioninstancedata (jobexecid),
    batchstatus      varchar(512),
    exitstatus       varchar(512),
    stepname         varchar(512),
    readcount        integer,
    writecount       integer,
    commitcount      integer,
    rollbackcount    integer,
    readskipcount    integer,
    processskipcount integer,
    filtercount      integer,
    writeskipcount   integer,
    starttime        timestamp,
    endtime          timestamp,
    persistentdata   bytea
);

CREATE TABLE jbatch.jobstatus (
    id  bigint NOT NULL REFERENCES jbatch.jobinstancedata (jobinstanceid),
    obj bytea
);

CREATE TABLE jbatch.stepstatus (
    id  bigint NOT NULL REFERENCES jbatch.stepexecutioninstancedata (stepexecid),
    obj bytea
);

CREATE TABLE jbatch.checkpointdata (
    id  varchar(512),
    obj bytea
);
