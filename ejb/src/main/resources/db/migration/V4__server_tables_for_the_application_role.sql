-- The batch job repository and the EJB timer store are used by the server on the engine's own data source
-- (jdbc/kibly, the application role), so that a chunk's writes and its checkpoint, or a change and the timer it
-- schedules, commit in one local transaction on one connection. The application role gets exactly the rights
-- those tables need; they hold no tenant data and have no row-level security.
GRANT USAGE ON SCHEMA jbatch TO "${appRole}";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA jbatch TO "${appRole}";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA jbatch TO "${appRole}";

-- Payara's EJB timer table, as its lib/install/databases/ejbtimer_postgresql.sql ships it. Created here
-- because the application role may not create tables in public; Payara finds it through the search path.
CREATE TABLE IF NOT EXISTS public."EJB__TIMER__TBL" (
    "CREATIONTIMERAW"      bigint       NOT NULL,
    "BLOB"                 bytea,
    "TIMERID"              varchar(255) NOT NULL,
    "CONTAINERID"          bigint       NOT NULL,
    "OWNERID"              varchar(255),
    "STATE"                integer      NOT NULL,
    "PKHASHCODE"           integer      NOT NULL,
    "INTERVALDURATION"     bigint       NOT NULL,
    "INITIALEXPIRATIONRAW" bigint       NOT NULL,
    "LASTEXPIRATIONRAW"    bigint       NOT NULL,
    "SCHEDULE"             varchar(255),
    "APPLICATIONID"        bigint       NOT NULL,
    CONSTRAINT "EJB__TIMER__TBL_pkey" PRIMARY KEY ("TIMERID")
);
GRANT SELECT, INSERT, UPDATE, DELETE ON public."EJB__TIMER__TBL" TO "${appRole}";
