package org.citygrants.ledger;

/** No grant, commitment, payment or recovery has this key. */
public class UnknownLedgerKeyException extends LedgerException {

  public UnknownLedgerKeyException(String what, String key) {
    super("UNKNOWN_KEY", "there is no " + what + " " + key + " in the ledger");
  }
}
