package org.citygrants.ledger;

/** Spending in the city's own currency on H2 2.x, the application's default database. */
class LocalCurrencyH2Test extends LocalCurrencyContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
