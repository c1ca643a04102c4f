-- Authorisation rows at programme scale (issue 17), on H2 and PostgreSQL.
--
-- With historic instance permissions on, the engine wrote a HISTORIC_TASK READ row for every
-- candidate and assignee of every task, and kept it after the task ended: most of the
-- authorisation table at programme scale. On the tasks of a grant's processes (city-grant,
-- grant-payment, grant-settlement) those rows add nothing: the city group and the coach read the
-- grant's historic instances, officers and managers READ_HISTORY on every definition, finance
-- officers on the payment and settlement definitions, and the engine's history queries accept any
-- of these. The application no longer writes them (access.GrantAccessPlugin); this removes the ones
-- written before. Tasks of the other processes (a change to a grant, the cohort) keep theirs.
-- 19 is Resources.HISTORIC_TASK.

DELETE FROM ACT_RU_AUTHORIZATION
 WHERE RESOURCE_TYPE_ = 19
   AND RESOURCE_ID_ IN (SELECT ID_ FROM ACT_HI_TASKINST
                         WHERE PROC_DEF_KEY_ IN ('city-grant', 'grant-payment', 'grant-settlement'));
