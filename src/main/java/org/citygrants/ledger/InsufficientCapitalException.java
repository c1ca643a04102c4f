package org.citygrants.ledger;

/** A commitment or a payment would go beyond the capital the grant still has. */
public class InsufficientCapitalException extends LedgerException {

  public InsufficientCapitalException(String message) {
    super("INSUFFICIENT_CAPITAL", message);
  }
}
