-- The batch runtime works on the application role's pool with its schema set to jbatch, and it leaves pooled
-- connections with search_path = jbatch. Payara's EJB timer service names its table unqualified, so on such a
-- connection it would not find public."EJB__TIMER__TBL" (timers then fail, and so does a redeployment). This
-- view makes the one table visible from both schemas; simple views pass INSERT, UPDATE and DELETE through.
CREATE VIEW jbatch."EJB__TIMER__TBL" AS SELECT * FROM public."EJB__TIMER__TBL";
GRANT SELECT, INSERT, UPDATE, DELETE ON jbatch."EJB__TIMER__TBL" TO "${appRole}";
