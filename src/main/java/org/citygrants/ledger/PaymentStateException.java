package org.citygrants.ledger;

import java.util.function.UnaryOperator;

/** The payment is not in a state that allows this step (e.g. disbursing a payment nobody approved). */
public class PaymentStateException extends LedgerException {

  public PaymentStateException(String message) {
    super("PAYMENT_STATE", message);
  }

  /** A message that names a person: {@code sayingWho} is given their id, or their name. */
  PaymentStateException(String person, UnaryOperator<String> sayingWho) {
    super("PAYMENT_STATE", person, sayingWho);
  }
}
