package org.citygrants.process;

import java.util.function.Supplier;
import org.citygrants.ledger.LedgerException;

/**
 * A ledger refusal met while a person completes a task is that person's input refused: the task
 * stays open, nothing is booked, and they read the ledger's reason next to the field that caused it.
 */
public final class LedgerRefusals {

  private LedgerRefusals() {}

  /** Runs a ledger call; its refusal becomes a refusal of {@code field}. */
  public static <T> T asRefusalOf(String field, Supplier<T> ledgerCall) {
    return asRefusalOf(field, "", ledgerCall);
  }

  /** The same, with advice on what to do added to the ledger's reason. */
  public static <T> T asRefusalOf(String field, String advice, Supplier<T> ledgerCall) {
    try {
      return ledgerCall.get();
    } catch (LedgerException refused) {
      throw new InputRejectedException(field, advice.isEmpty() ? refused.getMessage() : refused.getMessage() + " " + advice);
    }
  }
}
