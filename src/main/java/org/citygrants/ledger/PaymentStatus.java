package org.citygrants.ledger;

/** REQUESTED → APPROVED (by someone else) → DISBURSED exactly once; REQUESTED/APPROVED → REJECTED. */
public enum PaymentStatus {
  REQUESTED,
  APPROVED,
  DISBURSED,
  REJECTED
}
