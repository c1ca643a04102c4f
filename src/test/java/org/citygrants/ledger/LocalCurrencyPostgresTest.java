package org.citygrants.ledger;

import org.junit.jupiter.api.Tag;

/** Spending in the city's own currency on a real PostgreSQL 14 (embedded, started once per test run). */
@Tag("postgres")
class LocalCurrencyPostgresTest extends LocalCurrencyContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
