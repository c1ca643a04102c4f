package org.citygrants.ledger;

import org.junit.jupiter.api.Tag;

/** The ledger's rules on a real PostgreSQL 14 (embedded, started once per test run). */
@Tag("postgres")
class LedgerServicePostgresTest extends LedgerServiceContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
