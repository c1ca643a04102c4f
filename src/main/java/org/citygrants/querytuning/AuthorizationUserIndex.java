package org.citygrants.querytuning;

import org.springframework.stereotype.Component;

/**
 * An index on the user of the engine's authorisations (issue 17, the 30,000-grant run). The rows
 * that grant the signed-in person something are asked as {@code USER_ID_ IN (user, '*') OR
 * GROUP_ID_ IN (their groups)}; the engine indexes {@code GROUP_ID_} alone but the user only behind
 * {@code TYPE_} (its unique constraint {@code TYPE_, USER_ID_, ...}), so PostgreSQL read the whole
 * table for that question: a sequential scan of 114,000 rows at 30,000 grants, up to three times in
 * a coach's Tasklist page (the coach's rights are the user's own rows, one set per grant coached):
 * 15 to 35 ms each. With this index the two halves are two index scans joined (a bitmap OR).
 * {@code WholeGrantOnPostgresTest} checks the plan uses it.
 */
@Component
public class AuthorizationUserIndex extends StartupIndex {

  static final String CREATE =
      "CREATE INDEX IF NOT EXISTS CG_IDX_AUTH_USER_ID ON ACT_RU_AUTHORIZATION (USER_ID_)";

  @Override
  String createStatement() {
    return CREATE;
  }

  @Override
  String withoutIt() {
    return "the rows granting a person something are read by a scan of every authorisation";
  }
}
