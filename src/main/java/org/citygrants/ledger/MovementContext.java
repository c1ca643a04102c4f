package org.citygrants.ledger;

/**
 * Who changes the ledger, why, and from where in the process. Every mutating call of
 * {@link LedgerService} takes one; it ends up in the {@code ledger_movement} journal.
 *
 * @param actor the user id (or a technical actor such as {@code camunda}) responsible for the change
 * @param processInstanceId the Camunda process instance, when the change comes from a process
 * @param activityOrTaskId the BPMN activity id or user task id, when known
 * @param reason a short human explanation, optional
 */
public record MovementContext(String actor, String processInstanceId, String activityOrTaskId, String reason) {

  public MovementContext {
    if (actor == null || actor.isBlank()) {
      throw new LedgerException("every ledger change needs an actor");
    }
  }

  /** A change made outside a process, e.g. by an administrator or a test. */
  public static MovementContext by(String actor, String reason) {
    return new MovementContext(actor, null, null, reason);
  }

  /** The same context with another reason. */
  public MovementContext because(String otherReason) {
    return new MovementContext(actor, processInstanceId, activityOrTaskId, otherReason);
  }
}
