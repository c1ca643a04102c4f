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

  /** Longest actor id and reason the journal stores; a longer reason is shortened. */
  static final int MAX_ACTOR = 100;
  static final int MAX_REASON = 1000;

  public MovementContext {
    if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR) {
      throw new LedgerException("every ledger change needs an actor of 1 to " + MAX_ACTOR + " characters, not '"
          + actor + "'");
    }
    reason = shorten(reason);
  }

  static String shorten(String text) {
    return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
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
