package org.citygrants.ledger;

/** A commitment or a payment would go beyond the capital the grant still has. */
public class InsufficientCapitalException extends LedgerException {

  public InsufficientCapitalException(String message) {
    super("INSUFFICIENT_CAPITAL", message);
  }

  /** Worded from the bundles ({@code i18n/refusals}), in the reader's language. */
  InsufficientCapitalException(String key, Object... args) {
    super("INSUFFICIENT_CAPITAL", null, key, args);
  }
}
