package org.citygrants.ledger;

/** The payment is not in a state that allows this step (e.g. disbursing a payment nobody approved). */
public class PaymentStateException extends LedgerException {

  public PaymentStateException(String message) {
    super("PAYMENT_STATE", message);
  }
}
