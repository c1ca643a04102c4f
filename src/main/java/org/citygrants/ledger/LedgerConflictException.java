package org.citygrants.ledger;

import java.util.function.UnaryOperator;

/**
 * A key is already used with other values. Calls are idempotent by key: the same call again is a
 * no-op, a different call under the same key is refused.
 */
public class LedgerConflictException extends LedgerException {

  public LedgerConflictException(String message) {
    super("LEDGER_CONFLICT", message);
  }

  /** A message that names a person: {@code sayingWho} is given their id, or their name. */
  LedgerConflictException(String person, UnaryOperator<String> sayingWho) {
    super("LEDGER_CONFLICT", person, sayingWho);
  }
}
