package org.citygrants.ledger;

/** A finance officer tried to approve a payment they requested themselves. */
public class FourEyesViolationException extends LedgerException {

  public FourEyesViolationException(String paymentKey) {
    super("FOUR_EYES_VIOLATION", "You requested " + InWords.payment(paymentKey)
        + " yourself, so another finance officer must approve it: release the task for a colleague.");
  }
}
