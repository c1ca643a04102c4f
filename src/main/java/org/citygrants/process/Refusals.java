package org.citygrants.process;

import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What an engine exception means for the person who caused it, found in its cause chain (the
 * engine wraps a listener's refusal in its own exceptions): refused input, or a change that lost a
 * race with someone else's. Every channel (the process gateway, the engine REST API, the
 * application's API) answers them the same way.
 */
public final class Refusals {

  /** What a client is told when its change lost a race with someone else's. */
  public static final String CONCURRENT_CHANGE = "someone else changed this at the same time; reload and try again";

  private Refusals() {}

  /** The refusal of input somewhere in the cause chain, if any. */
  public static Optional<FormFieldValidationException> refusal(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormFieldValidationException refused) {
        return Optional.of(refused);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a failed flush is another transaction's write to the same rows: the engine's
   * optimistic-locking failure, or a unique or foreign-key violation (SQL state class 23), which is
   * how two completions of one task at the same moment meet when the claim and the completion are
   * one command (both insert the claimer's task authorisation; ProcessGateway.completeTask).
   */
  public static boolean concurrentWrite(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  /** The optimistic locking failure somewhere in the cause chain, if any. */
  public static Optional<OptimisticLockingException> concurrentChange(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException conflict) {
        return Optional.of(conflict);
      }
    }
    return Optional.empty();
  }
}
