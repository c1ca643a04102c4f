package org.citygrants.ledger;

import java.util.function.UnaryOperator;

/** The payment is not in a state that allows this step (e.g. disbursing a payment nobody approved). */
public class PaymentStateException extends LedgerException {

  public PaymentStateException(String message) {
    super("PAYMENT_STATE", message);
  }

  /** Worded from the bundles; {@code person} is the {0} of the text, called by their id or their name. */
  PaymentStateException(String person, String key, Object... args) {
    super("PAYMENT_STATE", person, key, args);
  }

  /** A message that names a person: {@code sayingWho} is given their id, or their name. */
  PaymentStateException(String person, UnaryOperator<String> sayingWho) {
    super("PAYMENT_STATE", person, sayingWho);
  }
}
