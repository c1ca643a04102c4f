package org.citygrants.ledger;

/**
 * A key is already used with other values. Calls are idempotent by key: the same call again is a
 * no-op, a different call under the same key is refused.
 */
public class LedgerConflictException extends LedgerException {

  public LedgerConflictException(String message) {
    super("LEDGER_CONFLICT", message);
  }
}
