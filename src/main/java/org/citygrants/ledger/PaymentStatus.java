package org.citygrants.ledger;

/** REQUESTED → APPROVED (by someone else) → DISBURSED exactly once; REQUESTED/APPROVED → REJECTED. */
public enum PaymentStatus {
  REQUESTED,
  APPROVED,
  DISBURSED,
  REJECTED;

  /** Requested or approved: money promised but not yet transferred. */
  boolean isPending() {
    return this == REQUESTED || this == APPROVED;
  }
}
