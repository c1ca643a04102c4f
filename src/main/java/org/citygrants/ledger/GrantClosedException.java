package org.citygrants.ledger;

/** The grant is closed: its ledger no longer changes. */
public class GrantClosedException extends LedgerException {

  public GrantClosedException(String grantReference) {
    super("GRANT_CLOSED", null, "ledger.grantClosed", grantReference);
  }
}
