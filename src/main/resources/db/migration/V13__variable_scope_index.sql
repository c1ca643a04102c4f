-- Tasklist's variable columns (issue 17), on H2 and PostgreSQL.
--
-- Tasklist's list embeds the filter's variable columns (grant, city, objective, amount, milestone)
-- of the tasks on the page. The engine's REST API asks them in one query by variable scope: the
-- page's task, execution and process instance ids (FilterResourceImpl: VAR_SCOPE_ IN (...) and
-- NAME_ IN (...)). Camunda 7.24 has no index on VAR_SCOPE_, so every page read the whole runtime
-- variable table: 300,000 rows at 10,000 open grants, 60-270 ms p95 per page, more than the list
-- itself (README, Performance). This index lets the database fetch only the page's variables.
--
-- The engine creates its tables before Flyway runs (application.yaml, spring.flyway), so the table
-- is there. The name is the application's (CG_), so an engine upgrade script never meets it; a
-- move to another engine of the same schema (Operaton) keeps it.

CREATE INDEX IF NOT EXISTS CG_IDX_VARIABLE_SCOPE_NAME ON ACT_RU_VARIABLE (VAR_SCOPE_, NAME_);
