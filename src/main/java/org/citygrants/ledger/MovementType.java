package org.citygrants.ledger;

/** The kinds of rows in the append-only {@code ledger_movement} journal. */
public enum MovementType {
  GRANT_OPENED,
  COMMITTED,
  COMMITMENT_RELEASED,
  PAYMENT_REQUESTED,
  PAYMENT_APPROVED,
  PAYMENT_REJECTED,
  PAYMENT_DISBURSED,
  EXPENDITURE_ACCEPTED,
  EXPENDITURE_NOT_ACCEPTED,
  RECOVERY_ORDERED,
  RECOVERY_RECEIVED,
  GRANT_CLOSED,
  /** An amendment raised the award (the difference). */
  AWARD_INCREASED,
  /** An amendment lowered the award (the difference). */
  AWARD_DECREASED,
  /** Allocated capital moved from one budget line to another. */
  BUDGET_MOVED,
  /** The city reported an item of its spending (its euro amount; the detail is in spending_item). */
  SPENDING_ITEM_REPORTED
}
