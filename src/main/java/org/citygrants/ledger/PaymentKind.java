package org.citygrants.ledger;

/** Why money goes to the city: an advance, a tranche on accepted reports, or the final balance. */
public enum PaymentKind {
  ADVANCE,
  TRANCHE,
  FINAL_BALANCE
}
