package org.citygrants.ledger;

/** A finance officer tried to approve a payment they requested themselves. */
public class FourEyesViolationException extends LedgerException {

  public FourEyesViolationException(String paymentKey) {
    super("FOUR_EYES_VIOLATION", null, "ledger.fourEyes", Said.payment(paymentKey));
  }
}
