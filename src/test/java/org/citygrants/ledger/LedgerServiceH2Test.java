package org.citygrants.ledger;

/** The ledger's rules on H2 2.x, the application's default database. */
class LedgerServiceH2Test extends LedgerServiceContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
