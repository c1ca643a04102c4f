package org.citygrants.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Euro amounts as exact decimals with two places: validation, normalisation and display. */
public final class Money {

  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
  /** NUMERIC(14,2) holds 12 digits before the point. */
  private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

  private Money() {
  }

  /** A positive amount with at most two decimals, returned with scale 2; otherwise a refusal. */
  static BigDecimal positive(BigDecimal amount, String what) {
    String sentence = InWords.sentence(what);
    if (amount == null) {
      throw new LedgerException(sentence + " has no amount: the amount is missing.");
    }
    if (amount.signum() <= 0) {
      throw new LedgerException(sentence + " must be more than zero, not " + amount.toPlainString() + ".");
    }
    if (amount.compareTo(LIMIT) >= 0) {
      throw new LedgerException(sentence + ": the amount " + amount.toPlainString() + " is too large.");
    }
    try {
      return amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException moreThanCents) {
      throw new LedgerException(sentence + ": the amount " + amount.toPlainString()
          + " has more than two decimals (cents); nothing was rounded.");
    }
  }

  /**
   * {@link #positive(BigDecimal, String)} for a thing said in the reader's language ("Tranche 2",
   * "La tranche 2"): the refusal is worded from the bundle when someone reads it.
   */
  static BigDecimal positive(BigDecimal amount, Said what) {
    if (amount == null) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.amount.missing", what);
    }
    if (amount.signum() <= 0) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.amount.notPositive", what, amount.toPlainString());
    }
    if (amount.compareTo(LIMIT) >= 0) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.amount.tooLarge", what, amount.toPlainString());
    }
    try {
      return amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException moreThanCents) {
      throw new LedgerException("LEDGER_REFUSED", null, "ledger.amount.cents", what, amount.toPlainString());
    }
  }

  /** A value read from the database (possibly null for an empty sum), with scale 2. */
  static BigDecimal of(BigDecimal value) {
    return value == null ? ZERO : value.setScale(2, RoundingMode.UNNECESSARY);
  }

  static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static String show(BigDecimal amount, String currency) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString() + " " + currency;
  }

  /**
   * An amount as people read it in a message or on a form, with thousands separated and cents:
   * {@code 40,000.00}. Never rounds: an amount with more than two decimals is shown as it is.
   */
  public static String readable(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00#########", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(amount);
  }

  /** {@link #readable} followed by the currency: {@code 40,000.00 EUR}. */
  public static String readable(BigDecimal amount, String currency) {
    return readable(amount) + " " + currency;
  }
}
