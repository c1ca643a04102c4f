package org.citygrants.ledger;

/** The ledger's rules on a real PostgreSQL 14 (embedded, started once per test run). */
class LedgerServicePostgresTest extends LedgerServiceContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
