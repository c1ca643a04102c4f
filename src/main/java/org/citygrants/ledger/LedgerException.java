package org.citygrants.ledger;

/**
 * A refusal of the ledger: the call broke a rule, nothing was changed (the transaction rolls
 * back). The message names the grant or key and the rule, so it can be shown to the user as is;
 * {@link #code()} names the rule in a stable form for callers and tests.
 */
public class LedgerException extends RuntimeException {

  private final String code;

  public LedgerException(String message) {
    this("LEDGER_REFUSED", message);
  }

  protected LedgerException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
