package org.citygrants.ledger;

import java.math.BigDecimal;

/**
 * What remains to settle a grant: a final balance to pay to the city, a recovery of unspent
 * money, or nothing. The amount is never negative; the outcome carries the direction.
 */
public record Settlement(Outcome outcome, BigDecimal amount) {

  public enum Outcome { FINAL_BALANCE, RECOVERY, NONE }

  static Settlement of(BigDecimal signedAmount) {
    int sign = signedAmount.signum();
    if (sign > 0) {
      return new Settlement(Outcome.FINAL_BALANCE, signedAmount);
    }
    if (sign < 0) {
      return new Settlement(Outcome.RECOVERY, signedAmount.negate());
    }
    return new Settlement(Outcome.NONE, Money.ZERO);
  }
}
