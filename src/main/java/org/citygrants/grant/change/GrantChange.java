package org.citygrants.grant.change;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One change to a running grant, from the request to its outcome (table {@code grant_change}): an
 * amendment of the award, the programme duration or the objective; a move of money between two
 * budget lines; a city's request to stop. Who asked, who answered, decided and approved are the
 * signed-in people who did it.
 */
public record GrantChange(long id, String grantReference, String kind, String reason, String requestedBy,
    String requestedAs, Instant requestedAt, BigDecimal previousAmount, BigDecimal newAmount,
    String previousDuration, String newDuration, String previousObjective, String newObjective, String fromLine,
    String toLine, BigDecimal moveAmount, String coachAnswerBy, String decidedBy, String decisionNote,
    String approvedBy, String status, Instant closedAt, String processInstanceId) {

  public static final String AMENDMENT = "amendment";
  public static final String BUDGET_MOVE = "budget-move";
  public static final String STOP = "stop";

  public static final String BY_CITY = "city";
  public static final String BY_COACH = "coach";
  public static final String BY_OFFICER = "officer";

  public static final String OPEN = "open";
  public static final String APPLIED = "applied";
  public static final String REFUSED = "refused";
  /** The grant stopped or ended before anyone decided. */
  public static final String WITHDRAWN = "withdrawn";

  /** Whether the change raises the award: a second officer approves it (four eyes). */
  public boolean increase() {
    return newAmount != null && previousAmount != null && newAmount.compareTo(previousAmount) > 0;
  }

  public boolean open() {
    return OPEN.equals(status);
  }

  /** The ledger's key of the change's movement: {@code LYON-2026:change-7}. */
  public String ledgerKey() {
    return grantReference + ":change-" + id;
  }
}
