package org.citygrants.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts in the API are JSON strings with exactly two decimals and a decimal point, never a
 * float: {@code "12000.00"}. They are exact (the ledger's NUMERIC(14,2)), keep their cents in
 * every client language, and read the same in the CSV export.
 */
final class Amounts {

  /** The pattern every amount matches (negative only for the city float). */
  static final String PATTERN = "^-?[0-9]+\\.[0-9]{2}$";

  private Amounts() {}

  static String of(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
