package org.citygrants.ledger;

/** A rate file refused as a whole, naming the line and column at fault; nothing was imported. */
public class RateImportException extends LedgerException {

  private final int line;
  private final String column;

  RateImportException(int line, String column, String key, Object... args) {
    super("RATES_REFUSED", null, key, args);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public String column() {
    return column;
  }
}
